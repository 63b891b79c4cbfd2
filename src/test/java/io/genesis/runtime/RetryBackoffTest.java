package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryBackoffTest {

    private static final RandomGenerator SEEDED = new SplittableRandom(42);

    @Test
    void delayDoublesPerAttemptWithinHalfToFullOfTheNominalDelay() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long nominal = 5_000L << (attempt - 1);
            for (int i = 0; i < 1000; i++) {
                long delay = RetryBackoff.delayMs(5_000, attempt, 300_000, SEEDED);
                assertTrue(delay >= nominal / 2 && delay <= nominal, "attempt " + attempt + ": " + delay);
            }
        }
    }

    @Test
    void delayIsCapped() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(RetryBackoff.delayMs(5_000, 40, 60_000, SEEDED) <= 60_000);
        }
    }

    @Test
    void zeroBaseMeansImmediateRetry() {
        assertEquals(0, RetryBackoff.delayMs(0, 3, 60_000, SEEDED));
    }

    @Test
    void jitterSpreadsRetriesOfTasksThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToLong(i -> RetryBackoff.delayMs(10_000, 2, 300_000, SEEDED)).distinct().count();
        assertTrue(distinct > 150, "delays spread out: " + distinct + " distinct of 200");
    }
}
