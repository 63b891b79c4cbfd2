package io.genesis.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Poll until a condition holds, with a deadline; never a blind sleep. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        RuntimeException lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
                + last + (lastError == null ? "" : "; last error: " + lastError));
    }

    /** Checks that something holds throughout a time window (an invariant, not a wait for a change). */
    public static void during(Duration window, Runnable check) {
        Instant end = Instant.now().plus(window);
        while (Instant.now().isBefore(end)) {
            check.run();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits until the server reports ready (Redis and PostgreSQL reachable, schema migrated): 300 s, or
     * {@code -Dgenesis.it.ready-seconds} on a machine so loaded that the application takes longer to start.
     */
    public static void ready() {
        until("readiness UP", Duration.ofSeconds(Long.getLong("genesis.it.ready-seconds", 300)), () -> Api.get("/health/ready"),
                reply -> reply.status() == 200);
    }
}
