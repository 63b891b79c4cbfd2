package io.genesis.runtime.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final Duration STALE = Duration.ofSeconds(15);

    @Test
    void aliveUpToTheStaleThresholdInclusive() {
        WorkerStatus fresh = WorkerStatus.read("w1", beat("2026-11-01T11:59:45Z"), NOW, STALE);
        assertTrue(fresh.alive());
        assertEquals(15, fresh.heartbeatAgeSeconds());
        assertEquals(3, fresh.inFlight());
        assertEquals("2026-11-01T11:00:00Z", fresh.startedAt());
        assertFalse(WorkerStatus.read("w1", beat("2026-11-01T11:59:44Z"), NOW, STALE).alive());
    }

    @Test
    void aHeartbeatFromTheFutureIsAliveWithAgeZero() {
        WorkerStatus skewed = WorkerStatus.read("w1", beat("2026-11-01T12:00:02Z"), NOW, STALE);
        assertTrue(skewed.alive());
        assertEquals(0, skewed.heartbeatAgeSeconds());
    }

    @Test
    void unreadableHeartbeatsAreReportedNotAlive() {
        for (String json : new String[] {"not json", "[]", "{\"last_heartbeat\":\"yesterday\"}", "{}"}) {
            WorkerStatus beat = WorkerStatus.read("w1", json, NOW, STALE);
            assertFalse(beat.alive(), json);
            assertNotNull(beat.problem(), json);
            assertEquals("w1", beat.workerId());
        }
    }

    private static String beat(String at) {
        return "{\"worker_id\":\"w1\",\"started_at\":\"2026-11-01T11:00:00Z\",\"last_heartbeat\":\"" + at
                + "\",\"in_flight\":3}";
    }
}
