package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskResultRowTest {

    private static final String CREATED = "2026-12-07T10:00:00.123456Z";

    @Test
    void theOutboxTextReadsBackAsTheSameRow() {
        TaskResultRow row = new TaskResultRow("t-1", "genesis.qa", "qa_agent", "tenant-a", "biz-1", "corr-1", "parent-1",
                "api", TaskStatus.COMPLETED, 2, 1.25, new BigDecimal("12.5000"), 0.875,
                "{\"spec\":\"x\"}", "{\"tests_passed\":12}", null,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "worker-1", CREATED, "2026-12-07T10:00:02.5Z", "gpt-4o-mini-2024-07-18", "gemini-2.0-flash-lite");

        TaskResultRow read = TaskResultRow.parse(row.toText());

        assertEquals(row, read);
        assertEquals("success", read.status().sqlStatus(), "the SQL status value");
        assertTrue(row.toText().contains("{\"tests_passed\":12}"), "the output's JSON copied, not escaped");
    }

    @Test
    void aFailedRowHasNoOutputAndNoGrade() {
        Envelope envelope = new Envelope("t-2", "genesis.build", JsonConventions.read("{}"), null, null, "t-2", null, "api",
                "default", 0, "2026-12-07T10:00:00+01:00", null, null, null, null);
        TaskResultRow row = TaskResultRow.of(envelope, "builder_agent",
                new TaskTransitions.Finish(TaskStatus.DEAD_LETTERED, 3, null, "boom", List.of(), 1500), null,
                Instant.parse(CREATED), "worker-1");

        TaskResultRow read = TaskResultRow.parse(row.toText());

        assertEquals(row, read);
        assertNull(read.output());
        assertNull(read.qualityScore());
        assertEquals(BigDecimal.ZERO, read.costCents());
        assertEquals("2026-12-07T10:00:00+01:00", read.createdAt(), "PostgreSQL reads the offset");
        assertEquals("{}", read.input());
        assertEquals(1.5, read.durationSeconds());
    }

    @Test
    void aTaskCostsWhatEveryAttemptSpentAndNamesTheModelThatAnswered() {
        Envelope envelope = new Envelope("t-3", "genesis.qa", JsonConventions.read("{}"), null, null, "t-3", null, "api",
                "default", 0, CREATED, null, null, null, null);
        List<TaskState.Attempt> failures = List.of(
                new TaskState.Attempt(1, "rejected after one repair round", CREATED, "w-1", new BigDecimal("0.0570"), "cheap-2026"),
                new TaskState.Attempt(2, "timed out after 30 s", CREATED, "w-2", null, null));
        AgentResult answer = new AgentResult(JsonConventions.read("{\"ok\":true}"), new BigDecimal("0.0410"), 0.9,
                "cheap-2026", "gemini-2.0-flash-lite");

        TaskResultRow done = TaskResultRow.of(envelope, "qa_agent",
                new TaskTransitions.Finish(TaskStatus.COMPLETED, 3, answer, null, failures, 10), "{\"ok\":true}",
                Instant.parse(CREATED), "w-3");
        assertEquals(new BigDecimal("0.0980"), done.costCents(), "the failed attempt's 0.0570 + the answer's 0.0410");
        assertEquals("cheap-2026", done.model());
        assertEquals("gemini-2.0-flash-lite", done.modelTier());
        assertEquals(done, TaskResultRow.parse(done.toText()));

        List<TaskState.Attempt> allFailed = List.of(failures.get(0), failures.get(1),
                new TaskState.Attempt(3, "rejected after one repair round", CREATED, "w-3", new BigDecimal("0.0600"), "cheap-2027"));
        TaskResultRow dead = TaskResultRow.of(envelope, "qa_agent",
                new TaskTransitions.Finish(TaskStatus.DEAD_LETTERED, 3, null, "rejected", allFailed, 10), null,
                Instant.parse(CREATED), "w-3");
        assertEquals(new BigDecimal("0.1170"), dead.costCents(), "a dead letter costs what its attempts spent");
        assertEquals("cheap-2027", dead.model(), "the model the last failed attempt asked");
        assertNull(dead.modelTier());
    }

    @Test
    void aRowLeftInTheOutboxByTheEarlierFormatIsStillRead() {
        TaskResultRow row = TaskResultRow.parse("""
                {"task_id":"t-4","topic":"genesis.qa","agent_id":"qa_agent","tenant_id":"default","correlation_id":"t-4",
                 "status":"success","attempts":1,"duration_seconds":0.01,"cost_cents":0,"input":{"a":1},"output":{"ok":true},
                 "created_at":"2026-12-07T10:00:00Z","completed_at":"2026-12-07T10:00:01Z","worker_id":"w"}""");

        assertEquals(JsonConventions.read("{\"a\":1}"), JsonConventions.read(row.input()));
        assertEquals(JsonConventions.read("{\"ok\":true}"), JsonConventions.read(row.output()));
    }

    @Test
    void aRowExpiredFromRedisShowsAsItsTaskState() {
        TaskResultRow row = TaskResultRow.parse("""
                {"task_id":"t-3","topic":"genesis.qa","agent_id":"qa_agent","tenant_id":"default","correlation_id":"t-3",
                 "status":"success","attempts":1,"duration_seconds":0.01,"cost_cents":0,"input_json":"{}",
                 "output_json":"{\\"ok\\":true}","created_at":"2026-12-07T10:00:00Z","completed_at":"2026-12-07T10:00:01Z",
                 "worker_id":"w"}""");

        TaskState state = row.asState();

        assertEquals("completed", state.status());
        assertEquals(JsonConventions.read("{\"ok\":true}"), state.result());
        assertEquals("2026-12-07T10:00:01Z", state.completedAt());
        assertNull(state.startedAt());
    }

    @Test
    void textThatIsNotARowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse(null));
        String valid = new TaskResultRow("t", "x", "a", null, null, "t", null, null, TaskStatus.COMPLETED, 1, 0, null, null, null,
                null, null, null, null, "2026-12-07T10:00:00Z", null, null, null).toText();
        assertEquals("t", TaskResultRow.parse(valid).taskId());
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse(valid.replace("|1|1|1|", "|-1|1|1|")));
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse(valid + "x"));
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse(valid.replace("success", "pending")));
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse("{\"task_id\":\"t\"}"));
        assertThrows(IllegalArgumentException.class, () -> TaskResultRow.parse(
                "{\"task_id\":\"t\",\"topic\":\"x\",\"agent_id\":\"a\",\"correlation_id\":\"t\",\"status\":\"processing\","
                        + "\"attempts\":1,\"duration_seconds\":0,\"cost_cents\":0,\"created_at\":\"2026-12-07T10:00:00Z\"}"));
    }
}
