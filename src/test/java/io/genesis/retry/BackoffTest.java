package io.genesis.retry;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static final SplittableRandom SEEDED = new SplittableRandom(42);
    private static final Backoff WEBHOOKS = new Backoff(500, 60_000, Backoff.Jitter.FULL);

    @Test
    void ceilingDoublesFromTheBaseUpToTheCap() {
        assertEquals(500, WEBHOOKS.ceilingMillis(1));
        assertEquals(1_000, WEBHOOKS.ceilingMillis(2));
        assertEquals(2_000, WEBHOOKS.ceilingMillis(3));
        assertEquals(32_000, WEBHOOKS.ceilingMillis(7));
        assertEquals(60_000, WEBHOOKS.ceilingMillis(8));
        assertEquals(60_000, WEBHOOKS.ceilingMillis(63), "no overflow");
        assertEquals(60_000, WEBHOOKS.ceilingMillis(Integer.MAX_VALUE), "no overflow");
        assertEquals(Long.MAX_VALUE, new Backoff(3, Long.MAX_VALUE, Backoff.Jitter.NONE).ceilingMillis(70), "no overflow at the top");
    }

    @Test
    void fullJitterSpreadsOverZeroToTheCeiling() {
        assertEquals(0, WEBHOOKS.delayMillis(3, 0.0));
        assertEquals(1_000, WEBHOOKS.delayMillis(3, 0.5));
        assertEquals(2_000, WEBHOOKS.delayMillis(3, Math.nextDown(1.0)));
        assertEquals(60_000, WEBHOOKS.delayMillis(20, Math.nextDown(1.0)));
        assertThrows(IllegalArgumentException.class, () -> WEBHOOKS.delayMillis(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> WEBHOOKS.delayMillis(1, -0.1));
    }

    @Test
    void equalJitterStaysWithinHalfToFullOfTheNominalDelay() {
        Backoff tasks = new Backoff(5_000, 300_000, Backoff.Jitter.EQUAL);
        for (int attempt = 1; attempt <= 4; attempt++) {
            long nominal = 5_000L << (attempt - 1);
            for (int i = 0; i < 1000; i++) {
                long delay = tasks.delayMillis(attempt, SEEDED.nextDouble());
                assertTrue(delay >= nominal / 2 && delay <= nominal, "attempt " + attempt + ": " + delay);
            }
        }
        assertEquals(2_500, tasks.delayMillis(1, 0.0));
        assertEquals(5_000, tasks.delayMillis(1, Math.nextDown(1.0)));
    }

    @Test
    void equalJitterIsCapped() {
        Backoff capped = new Backoff(5_000, 60_000, Backoff.Jitter.EQUAL);
        for (int i = 0; i < 1000; i++) {
            assertTrue(capped.delayMillis(40, SEEDED.nextDouble()) <= 60_000);
        }
    }

    @Test
    void zeroBaseMeansImmediateRetry() {
        assertEquals(0, new Backoff(0, 60_000, Backoff.Jitter.EQUAL).delayMillis(3, 0.7));
    }

    @Test
    void jitterSpreadsRetriesOfTasksThatFailedTogether() {
        Backoff tasks = new Backoff(10_000, 300_000, Backoff.Jitter.EQUAL);
        long distinct = IntStream.range(0, 200).mapToLong(i -> tasks.delayMillis(2, SEEDED.nextDouble())).distinct().count();
        assertTrue(distinct > 150, "delays spread out: " + distinct + " distinct of 200");
    }

    @Test
    void loopErrorsDoubleFrom100MsTo2SecondsAndThenAreLasting() {
        Backoff.Loop loop = Backoff.loop();
        for (int failure = 1; failure <= 5; failure++) {
            assertTrue(!loop.fail(), "failure " + failure + " is not lasting yet");
        }
        assertTrue(loop.fail(), "from 2 s on the failure is lasting");
        loop.reset();
        assertTrue(!loop.fail());
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(-1, 10, Backoff.Jitter.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(500, 100, Backoff.Jitter.NONE));
    }
}
