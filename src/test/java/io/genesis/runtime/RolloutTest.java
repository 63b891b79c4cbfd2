package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolloutTest {

    @Test
    void allOrNothingSharesSendEveryKeyOneWay() {
        IntStream.range(0, 500).mapToObj(i -> "key-" + i).forEach(key -> {
            assertEquals(Rollout.Path.ASYNC, Rollout.pathFor(key, 100));
            assertEquals(Rollout.Path.SYNC, Rollout.pathFor(key, 0));
        });
    }

    @Test
    void aKeyKeepsItsPathAndRaisingTheShareOnlyMovesKeysFromSyncToAsync() {
        for (int i = 0; i < 500; i++) {
            String key = "req-" + i;
            assertEquals(Rollout.pathFor(key, 10), Rollout.pathFor(key, 10), "deterministic per key");
            if (Rollout.pathFor(key, 10) == Rollout.Path.ASYNC) {
                assertEquals(Rollout.Path.ASYNC, Rollout.pathFor(key, 50), key + " must stay async at 50 %");
            }
            if (Rollout.pathFor(key, 50) == Rollout.Path.ASYNC) {
                assertEquals(Rollout.Path.ASYNC, Rollout.pathFor(key, 100));
            }
        }
    }

    @Test
    void bucketsSpreadKeysOverTheHundredShares() {
        long async10 = IntStream.range(0, 10_000).filter(i -> Rollout.pathFor("k" + i, 10) == Rollout.Path.ASYNC).count();
        long async50 = IntStream.range(0, 10_000).filter(i -> Rollout.pathFor("k" + i, 50) == Rollout.Path.ASYNC).count();
        // SHA-256 buckets of 10,000 fixed keys: counts are fixed numbers, checked against wide bounds of the share
        assertTrue(async10 > 800 && async10 < 1200, "10 % share: " + async10);
        assertTrue(async50 > 4600 && async50 < 5400, "50 % share: " + async50);
        IntStream.range(0, 1000).forEach(i -> {
            int bucket = Rollout.bucket("b" + i);
            assertTrue(bucket >= 0 && bucket < 100, "bucket " + bucket);
        });
    }

    @Test
    void sharesOutsideZeroToHundredAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rollout.checked(-1));
        assertThrows(IllegalArgumentException.class, () -> Rollout.checked(101));
        assertEquals(0, Rollout.checked(0));
        assertEquals(100, Rollout.checked(100));
    }
}
