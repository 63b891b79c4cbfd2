package io.genesis.sites;

/** Too many sign-ups from one client on one site: try again after {@code retryAfterSeconds}. */
public class SignUpThrottled extends RuntimeException {

    private final long retryAfterSeconds;

    public SignUpThrottled(long retryAfterSeconds) {
        super("too many sign-ups from this client; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
