package io.genesis.runtime;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskStateTest {

    private static final Envelope ENVELOPE = new Envelope("t-1", "genesis.qa", Json.createValue("x"), null, null, "c-1",
            "p-1", "api", "acme", 0, "2026-11-21T00:00:00Z", null, "b-1", null, null);

    @Test
    void stateSurvivesTheRoundTripThroughTheRedisHash() {
        TaskState finished = TaskState.queued(ENVELOPE, "qa_agent")
                .processing(2, "2026-11-21T00:00:01Z", "w-1")
                .finished(TaskStatus.COMPLETED, 2, Json.createObjectBuilder().add("ok", true).build(), null,
                        "2026-11-21T00:00:02Z", "w-1");
        TaskState withHistory = new TaskState(finished.taskId(), finished.topic(), finished.agent(), finished.status(),
                finished.attempts(), finished.result(), finished.error(), finished.correlationId(), finished.causationId(),
                finished.tenantId(), finished.businessId(), finished.createdAt(), finished.startedAt(), finished.completedAt(),
                finished.workerId(), List.of(new TaskState.Attempt(1, "boom", "2026-11-21T00:00:00.5Z", "w-0",
                        new java.math.BigDecimal("0.0570"), "cheap-2026"))).withOutcome("cheap-2026", "gemini-2.0-flash-lite",
                new java.math.BigDecimal("0.0980"));

        Map<String, String> hash = TaskStore.toHash(withHistory);
        assertFalse(hash.containsKey("error"), "absent values are not stored");
        assertEquals(withHistory, TaskStore.fromHash(hash));
    }

    @Test
    void emptyHistoryWrittenByLuaAsAnObjectReadsAsEmpty() {
        assertEquals(List.of(), TaskStore.history("{}"));
        assertEquals(List.of(), TaskStore.history(null));
    }

    @Test
    void onlyFinishedStatusesAreTerminalAndMapToSqlStatuses() {
        assertFalse(TaskStatus.QUEUED.terminal());
        assertFalse(TaskStatus.PROCESSING.terminal());
        assertTrue(TaskStatus.TIMED_OUT.terminal());
        assertEquals("success", TaskStatus.COMPLETED.sqlStatus());
        assertEquals("dead_lettered", TaskStatus.DEAD_LETTERED.sqlStatus());
        assertEquals(TaskStatus.DEAD_LETTERED, TaskStatus.fromWire("dead_lettered"));
        assertThrows(IllegalStateException.class, TaskStatus.PROCESSING::sqlStatus);
    }

    @Test
    void traceparentIsContinuedWhenValidAndStartedOtherwise() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertEquals(valid, TraceContext.continueOrStart(valid));
        String started = TraceContext.continueOrStart("garbage");
        assertTrue(started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), started);
    }
}
