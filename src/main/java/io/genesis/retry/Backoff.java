package io.genesis.retry;

/**
 * The one backoff of the hand-rolled loops that stay (consumer loops, delayed retries, the result outbox, task retries,
 * webhook redelivery): the wait after failure n is {@code min(cap, base * 2^(n-1))}, spread by a jitter. Pure: the
 * caller gives the uniform draw, so the arithmetic is testable; {@link Loop} adds the sleeping for a loop's errors.
 */
public record Backoff(long baseMillis, long capMillis, Jitter jitter) {

    /** How the nominal wait is spread out. */
    public enum Jitter {
        /** exactly the nominal wait */
        NONE,
        /** half fixed, half random: never sooner than half the nominal wait (task retries) */
        EQUAL,
        /** uniform over [0, nominal] (webhook redelivery) */
        FULL
    }

    /** A loop's pause after a Redis or database error: 100 ms doubling to 2 s, no jitter (one loop per worker). */
    private static final Backoff LOOP_ERRORS = new Backoff(100, 2_000, Jitter.NONE);

    public Backoff {
        if (baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= cap (got " + baseMillis + ", " + capMillis + ")");
        }
    }

    /** The nominal wait after failure {@code failure} (from 1): {@code min(cap, base * 2^(failure-1))}, without overflow. */
    public long ceilingMillis(int failure) {
        int doublings = Math.max(0, failure - 1);
        if (baseMillis == 0) {
            return 0;
        }
        if (doublings >= 62 || baseMillis > (capMillis >> doublings)) {
            return capMillis;
        }
        return baseMillis << doublings;
    }

    /** The wait after failure {@code failure}, {@code random} being a uniform draw from {@code [0, 1)}. */
    public long delayMillis(int failure, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long ceiling = ceilingMillis(failure);
        return switch (jitter) {
            case NONE -> ceiling;
            case EQUAL -> ceiling / 2 + (long) Math.floor(random * (ceiling / 2 + 1));
            case FULL -> (long) Math.floor(random * (ceiling + 1));
        };
    }

    /** A loop's error pauses: {@link Loop#fail()} and {@link Loop#pause()} after each failure, {@link Loop#reset()} after a success. */
    public static Loop loop() {
        return new Loop(LOOP_ERRORS);
    }

    /** Sleeps; false when interrupted (shutdown), the interrupt flag set again for the caller's loop to see. */
    public static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Consecutive failures of one loop and the sleep that follows each. Not thread-safe: one per loop. */
    public static final class Loop {

        private final Backoff backoff;
        private int failures;

        private Loop(Backoff backoff) {
            this.backoff = backoff;
        }

        public void reset() {
            failures = 0;
        }

        /** Counts a failure; true once the pauses have reached their cap (the failure is lasting, worth a warning). */
        public boolean fail() {
            failures = Math.min(failures + 1, 62);
            return backoff.ceilingMillis(failures) >= backoff.capMillis();
        }

        /** Sleeps for the wait of the failures so far; false when interrupted (see {@link Backoff#sleep}). */
        public boolean pause() {
            return sleep(backoff.delayMillis(Math.max(1, failures), 0));
        }
    }
}
