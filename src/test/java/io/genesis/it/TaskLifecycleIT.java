package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task's life through the real runtime: HTTP in, Redis Streams, a simulated agent, state and an SQL row out. */
class TaskLifecycleIT {

    private static final Duration QUICK = Duration.ofSeconds(20);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void completedTaskHasItsSqlRowWithTenantAndCorrelation() throws SQLException {
        Api.Reply accepted = Api.post("/api/tasks",
                "{\"topic\":\"genesis.build\",\"content\":{\"feature\":\"login\"},\"tenant_id\":\"acme\",\"correlation_id\":\"corr-42\"}");
        assertEquals(202, accepted.status(), accepted.body());
        String taskId = accepted.json().getString("task_id");
        assertEquals("queued", accepted.json().getString("status"));
        assertEquals("/api/tasks/" + taskId, accepted.json().getString("poll_url"));
        assertTrue(accepted.header("Location").endsWith("/api/tasks/" + taskId), accepted.header("Location"));

        JsonObject done = Tasks.awaitStatus(taskId, "completed", QUICK);
        assertEquals("builder_agent", done.getString("agent"));
        assertEquals(1, done.getInt("attempts"));
        assertEquals("acme", done.getString("tenant_id"));
        assertEquals("login", done.getJsonObject("result").getJsonObject("input").getString("feature"));

        Map<String, Object> row = Await.until("SQL row", QUICK, () -> row(taskId), r -> !r.isEmpty());
        assertEquals("success", row.get("status"));
        assertEquals("builder_agent", row.get("agent_id"));
        assertEquals("acme", row.get("tenant_id"));
        assertEquals("corr-42", row.get("correlation_id"));
        assertEquals(1, row.get("attempts"));
        assertNotNull(row.get("completed_at"));
        assertTrue(((Double) row.get("duration_seconds")) >= 0);
    }

    /**
     * The SQL row is written once and read back: once the Redis state is gone (expired), {@code GET /api/tasks/{id}}
     * answers from the row with the same status, result, tenant and attempts.
     */
    @Test
    void aFinishedTaskIsReadFromItsSqlRowOnceItsRedisStateIsGone() {
        String taskId = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"spec\":\"x\"},\"tenant_id\":\"tenant-a\"}");
        JsonObject live = Tasks.awaitStatus(taskId, "completed", QUICK);
        Await.until("SQL row", QUICK, () -> row(taskId), r -> !r.isEmpty());

        Tasks.redis().del("omni:task:{genesis.qa}:" + taskId);
        JsonObject fromSql = Api.get("/api/tasks/" + taskId).json();
        assertEquals("completed", fromSql.getString("status"));
        assertEquals("qa_agent", fromSql.getString("agent"));
        assertEquals("tenant-a", fromSql.getString("tenant_id"));
        assertEquals(live.getInt("attempts"), fromSql.getInt("attempts"));
        assertEquals(live.getJsonObject("result"), fromSql.getJsonObject("result"));
        assertEquals(live.getString("correlation_id"), fromSql.getString("correlation_id"));
        assertNotNull(fromSql.getString("completed_at"));

        Map<String, Object> row = row(taskId);
        assertNotNull(row.get("quality_score"), "the result was graded");
        assertEquals("{\"spec\": \"x\"}", String.valueOf(row.get("input")));
    }

    @Test
    void retryThenSuccessCountsEveryAttempt() {
        String taskId = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_times\":2}}}");
        JsonObject done = Tasks.awaitStatus(taskId, "completed", QUICK);
        assertEquals(3, done.getInt("attempts"));
        assertEquals(2, done.getJsonArray("history").size(), "both failures are in the history");
        assertTrue(done.getJsonArray("history").getJsonObject(0).getString("error").contains("simulated failure 1 of 2"));
    }

    @Test
    void poisonMessageLandsInDlqAfterMaxRetriesPlusOneAttempts() throws SQLException {
        String taskId = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_permanently\":true}}}");
        JsonObject dead = Tasks.awaitStatus(taskId, "dead_lettered", QUICK);
        assertEquals(4, dead.getInt("attempts"), "qa_agent has max-retries 3");
        assertEquals(4, dead.getJsonArray("history").size());
        assertTrue(dead.getString("error").contains("permanent"));

        boolean inDlq = Tasks.redis().xrange("omni-dlq:{genesis.qa}", "-", "+").stream()
                .anyMatch(entry -> entry.getFields().get("data").contains(taskId)
                        && entry.getFields().get("history").contains("permanent")
                        && "4".equals(entry.getFields().get("attempts")));
        assertTrue(inDlq, "dead letter carries the error and the attempt history");
        Map<String, Object> row = Await.until("SQL row", QUICK, () -> row(taskId), r -> !r.isEmpty());
        assertEquals("dead_lettered", row.get("status"));
        assertEquals(4, row.get("attempts"));
    }

    @Test
    void overrunningTaskIsStoppedAtItsTimeout() {
        long started = System.nanoTime();
        String taskId = Tasks.publish("{\"topic\":\"genesis.monitoring\",\"content\":{\"simulate\":{\"latency_ms\":60000}}}");
        JsonObject timedOut = Tasks.awaitStatus(taskId, "timed_out", QUICK);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 15_000, "stopped at the 2 s timeout, not after the 60 s of work: " + tookMs + " ms");
        assertTrue(timedOut.getString("error").contains("timed out"));
    }

    @Test
    void replyToChainCarriesCorrelationTenantAndCausation() throws SQLException {
        String parent = Tasks.publish("{\"topic\":\"genesis.spec\",\"content\":{\"idea\":\"x\"},\"reply_to\":\"genesis.architect\","
                + "\"tenant_id\":\"tenant-chain\",\"correlation_id\":\"chain-1\"}");
        Tasks.awaitStatus(parent, "completed", QUICK);
        Map<String, Object> child = Await.until("child row", QUICK, () -> childOf(parent), r -> !r.isEmpty());
        assertEquals("architect_agent", child.get("agent_id"));
        assertEquals("chain-1", child.get("correlation_id"));
        assertEquals("tenant-chain", child.get("tenant_id"));
        assertEquals("success", child.get("status"));
        JsonObject childState = Tasks.state((String) child.get("task_id"));
        assertEquals(parent, childState.getString("causation_id"));
        assertEquals("spec_agent", childState.getJsonObject("result").getJsonObject("input").getString("agent"),
                "the child's content is the parent's result");
    }

    @Test
    void sameIdempotencyKeyGivesTheSameTaskAndOneStreamEntry() {
        String body = "{\"topic\":\"genesis.finance\",\"content\":{\"invoice\":7}}";
        Map<String, String> key = Map.of("Idempotency-Key", "idem-" + System.nanoTime());
        Api.Reply first = Api.post("/api/tasks", body, key);
        Api.Reply second = Api.post("/api/tasks", body, key);
        assertEquals(202, second.status());
        String taskId = first.json().getString("task_id");
        assertEquals(taskId, second.json().getString("task_id"));
        assertEquals("true", second.header("Idempotent-Replayed"));
        long entries = Tasks.redis().xrevrange("omni-stream:{genesis.finance}", "+", "-", 40).stream()
                .filter(entry -> entry.getFields().get("data").contains(taskId)).count();
        assertEquals(1, entries);

        Api.Reply conflict = Api.post("/api/tasks", "{\"topic\":\"genesis.finance\",\"content\":{\"invoice\":8}}", key);
        assertEquals(409, conflict.status(), "same key, different request");
        assertTrue(conflict.contentType().startsWith("application/problem+json"));
    }

    @Test
    void syncInvokeWaitsForTheResultAndAliasesWork() {
        Api.Reply invoked = Api.post("/api/invoke", "{\"topic\":\"genesis.seo\",\"content\":{\"page\":\"home\"}}");
        assertEquals(200, invoked.status(), invoked.body());
        assertEquals("completed", invoked.json().getString("status"));

        Api.Reply async = Api.post("/api/invoke/async", "{\"topic\":\"genesis.seo\",\"content\":{\"page\":\"pricing\"}}");
        assertEquals(202, async.status());
        String taskId = async.json().getString("task_id");
        Await.until("alias poll", QUICK, () -> Api.get("/api/task/" + taskId),
                reply -> reply.status() == 200 && reply.json().getString("status").equals("completed"));
    }

    @Test
    void aQueuedTaskCanBeCancelledAndIsNeverRun() {
        java.util.List<String> occupiers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) { // occupy every consumer slot of content_agent
            occupiers.add(Tasks.publish("{\"topic\":\"genesis.content\",\"content\":{\"simulate\":{\"latency_ms\":8000}}}"));
        }
        occupiers.forEach(id -> Tasks.awaitStatus(id, "processing", QUICK));
        String waiting = Tasks.publish("{\"topic\":\"genesis.content\",\"content\":{\"draft\":1}}");
        Api.Reply cancelled = Api.delete("/api/tasks/" + waiting);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().getString("status"));
        assertEquals(409, Api.delete("/api/tasks/" + waiting).status(), "cancelling twice");
        Map<String, Object> row = Await.until("SQL row", QUICK, () -> row(waiting), r -> !r.isEmpty());
        assertEquals("cancelled", row.get("status"));
        occupiers.forEach(id -> Tasks.awaitStatus(id, "completed", QUICK));
        Await.during(Duration.ofSeconds(2), () -> assertEquals("cancelled", Tasks.state(waiting).getString("status"),
                "the delivery that comes later is skipped"));
    }

    @Test
    void callersTraceIsCarriedToTheResultRow() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String taskId = Tasks.publish("{\"topic\":\"genesis.pricing\",\"content\":{}}", Map.of("traceparent", traceparent));
        Map<String, Object> row = Await.until("SQL row", QUICK, () -> row(taskId), r -> !r.isEmpty());
        // the caller's trace; the span is the task's publish span (the caller's own span when tracing is off)
        String stored = String.valueOf(row.get("traceparent"));
        assertTrue(stored.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01"), stored);
    }

    @Test
    void badInputIsRefusedWithProblemDetails() {
        Api.Reply unknownTopic = Api.post("/api/tasks", "{\"topic\":\"genesis.nope\",\"content\":{}}");
        assertEquals(422, unknownTopic.status());
        assertTrue(unknownTopic.json().getString("detail").contains("genesis.build"), "names the valid topics");
        assertEquals(400, Api.post("/api/tasks", "{\"topic\":\"genesis.build\"}").status(), "content missing");
        assertEquals(400, Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"webhook\":\"ftp://x\"}").status());
        assertEquals(422, Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"reply_to\":\"nowhere\"}").status());
        String big = "{\"topic\":\"genesis.build\",\"content\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Reply tooLarge = Api.post("/api/tasks", big);
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.contentType().startsWith("application/problem+json"));
        assertEquals(404, Api.get("/api/tasks/does-not-exist").status());
        assertFalse(Api.get("/api/tasks/does-not-exist").body().contains("Exception"));
    }

    static Map<String, Object> row(String taskId) {
        return query("SELECT * FROM omnidaemon_task_results WHERE task_id = ?", taskId);
    }

    static Map<String, Object> childOf(String parentId) {
        return query("SELECT * FROM omnidaemon_task_results WHERE causation_id = ?", parentId);
    }

    private static Map<String, Object> query(String sql, String value) {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Map.of();
                }
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object v = rows.getObject(i);
                    if (v != null) {
                        row.put(rows.getMetaData().getColumnName(i), v);
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
