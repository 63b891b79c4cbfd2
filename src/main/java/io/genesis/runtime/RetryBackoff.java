package io.genesis.runtime;

import java.util.random.RandomGenerator;

/**
 * Delay before retry n: exponential from the agent's {@code retry-delay-seconds} (delay * 2^(n-1)), capped, with
 * "equal jitter" (half fixed, half random) so retries of many tasks that failed together spread out but never
 * come sooner than half the nominal delay.
 */
public final class RetryBackoff {

    private RetryBackoff() {
    }

    /**
     * @param baseDelayMs the agent's retry delay in ms
     * @param failedAttempt the attempt that just failed (1 for the first attempt)
     * @param capMs the largest delay allowed
     */
    public static long delayMs(long baseDelayMs, int failedAttempt, long capMs, RandomGenerator random) {
        if (baseDelayMs <= 0) {
            return 0;
        }
        int exponent = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long nominal = Math.min(capMs, saturatingShift(baseDelayMs, exponent));
        long half = nominal / 2;
        return half + (half == 0 ? 0 : random.nextLong(half + 1));
    }

    private static long saturatingShift(long value, int shift) {
        return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
    }
}
