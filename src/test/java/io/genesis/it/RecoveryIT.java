package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamPendingEntry;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What survives failure: a worker that died holding a task, a task that outlives its lease, trimming under a
 * lagging consumer group, and PostgreSQL going away mid-run. (IT server: lease 6 s, reclaim every 2 s, trim every
 * 2 s keeping 50 acknowledged entries.)
 */
class RecoveryIT {

    /** Adds an entry and delivers it to a consumer that will never ack it, atomically, so no live worker sees it first. */
    private static final String DELIVER_TO_GHOST = """
            local id = redis.call('XADD', KEYS[1], '*', 'data', ARGV[1])
            redis.call('XREADGROUP', 'GROUP', ARGV[2], ARGV[3], 'COUNT', 100, 'STREAMS', KEYS[1], '>')
            return id""";

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    /**
     * The reclaimed delivery also continues the task's trace: its processing span (exported to the OTLP receiver) is a
     * child of the publish span the envelope names, and the worker's reclaim line in messages.log names both.
     */
    @Test
    void taskHeldByADeadConsumerIsReclaimedAndCompletedWithin30Seconds() {
        String taskId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String publishSpan = traceId.substring(0, 16);
        OtlpReceiver otlp = ItServices.otlp();
        otlp.watch(traceId);
        String envelope = Json.createObjectBuilder(Json.createReader(new StringReader(envelope(taskId, "genesis.research",
                Json.createObjectBuilder().add("topic", "crash").build()))).readObject())
                .add("traceparent", "00-" + traceId + "-" + publishSpan + "-01").build().toString();
        Instant delivered = Instant.now();
        Tasks.redis().eval(DELIVER_TO_GHOST, List.of("omni-stream:{genesis.research}"),
                List.of(envelope, "group:research_agent", "ghost-worker"));
        assertTrue(ghostHolds("omni-stream:{genesis.research}", "group:research_agent"), "the ghost holds the entry");

        JsonObject done = Tasks.awaitStatus(taskId, "completed", Duration.ofSeconds(30));
        long seconds = Duration.between(delivered, Instant.now()).toSeconds();
        assertTrue(seconds <= 30, "reclaimed in " + seconds + " s");
        assertEquals("it-worker-1", done.getString("worker_id"));

        OtlpReceiver.Received processing = Await.until("the reclaimed attempt's span", Duration.ofSeconds(60), () -> otlp.spans().stream()
                .filter(span -> span.kind().equals("CONSUMER") && taskId.equals(span.attribute("genesis.task.id"))).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals(traceId, processing.traceId(), "the reclaimed delivery stays in the task's trace");
        assertEquals(publishSpan, processing.parentSpanId(), "a child of the task's original publish");
        Await.until("the reclaim line naming the trace", Duration.ofSeconds(30), () -> ServerLog.lines(ServerLog.itServer()).stream()
                .filter(line -> line.contains("Reclaimed task " + taskId)).toList(), lines -> !lines.isEmpty()
                && lines.stream().allMatch(line -> line.contains("[trace_id=" + traceId + " task_id=" + taskId + "]")));
    }

    @Test
    void aTaskRunningLongerThanTheLeaseIsNotRunTwice() {
        String taskId = Tasks.publish("{\"topic\":\"genesis.content\",\"content\":{\"simulate\":{\"latency_ms\":14000}}}");
        Tasks.awaitStatus(taskId, "processing", Duration.ofSeconds(10));
        long[] maxIdle = {0};
        Await.during(Duration.ofSeconds(11), () -> {
            for (StreamPendingEntry pending : Tasks.redis().xpending("omni-stream:{genesis.content}", "group:content_agent",
                    XPendingParams.xPendingParams().count(100))) {
                maxIdle[0] = Math.max(maxIdle[0], pending.getIdleTime());
                assertEquals(1, pending.getDeliveredTimes(), "delivered once, never reclaimed while alive");
            }
        });
        assertTrue(maxIdle[0] < 6000, "lease renewed while running (max idle " + maxIdle[0] + " ms < 6 s lease)");
        JsonObject done = Tasks.awaitStatus(taskId, "completed", Duration.ofSeconds(20));
        assertEquals(1, done.getInt("attempts"));
        assertEquals(0, done.getJsonArray("history").size());
    }

    @Test
    void trimmingNeverDropsEntriesALaggingGroupHasNotAcknowledged() {
        String stream = "omni-stream:{genesis.analytics}";
        String lagging = "reporting-lag-" + UUID.randomUUID();
        Tasks.redis().xgroupCreate(stream, lagging, new StreamEntryID(), true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ids.add(Tasks.publish("{\"topic\":\"genesis.analytics\",\"content\":{\"n\":" + i + "}}"));
        }
        for (String id : ids) {
            Tasks.awaitStatus(id, "completed", Duration.ofSeconds(30));
        }
        long total = Tasks.redis().xlen(stream);
        // several trim rounds pass (every 2 s); the lagging group has read nothing, so nothing may go
        Await.during(Duration.ofSeconds(6), () -> assertTrue(Tasks.redis().xlen(stream) >= total, "nothing trimmed while a group lags"));

        // the lagging group catches up and acknowledges: now the janitor trims down to the retained 50
        var read = Tasks.redis().xreadGroup(lagging, "reporter", redis.clients.jedis.params.XReadGroupParams.xReadGroupParams()
                .count(100_000), java.util.Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        StreamEntryID[] all = read.get(0).getValue().stream().map(e -> e.getID()).toArray(StreamEntryID[]::new);
        Tasks.redis().xack(stream, lagging, all);
        Await.until("trimmed to the retained entries", Duration.ofSeconds(15), () -> Tasks.redis().xlen(stream), len -> len <= 50);
        Tasks.redis().xgroupDestroy(stream, lagging);
    }

    @Test
    void resultsFinishedWhilePostgresqlIsDownAreWrittenWhenItReturns() throws IOException, SQLException {
        List<String> ids = new ArrayList<>();
        ItServices.services().stopPostgres();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(Tasks.publish("{\"topic\":\"genesis.email\",\"content\":{\"n\":" + i + "},\"tenant_id\":\"outage\"}"));
            }
            for (String id : ids) {
                Tasks.awaitStatus(id, "completed", Duration.ofSeconds(30));
            }
        } finally {
            ItServices.services().startPostgres(false);
        }
        Await.until("all 20 rows written after the outage", Duration.ofSeconds(60), () -> countRows(ids), n -> n == 20);
        // the agents' own threads recover too: none keeps a connection that died with the old PostgreSQL
        String business = Businesses.create("{\"business_type\":\"content_website\"}");
        assertEquals("SUCCESS", Businesses.awaitTerminal(business, Duration.ofSeconds(90)).getString("status"));
    }

    @Test
    void resultRowsADeadWorkerHeldInFlightAreWrittenByAnother() {
        // a worker that crashed between claiming a batch of results and writing it, and never came back under its id
        String ghost = "ghost-outbox-" + UUID.randomUUID();
        String taskId = "outbox-" + UUID.randomUUID();
        String row = """
                {"task_id":"%s","topic":"genesis.email","agent_id":"email_agent","tenant_id":"default","correlation_id":"%s",
                 "status":"success","attempts":1,"duration_seconds":0.01,"cost_cents":0,"input":{"n":1},"output":{"ok":true},
                 "created_at":"2026-12-07T10:00:00Z","completed_at":"2026-12-07T10:00:01Z","worker_id":"%s"}"""
                .formatted(taskId, taskId, ghost).replace("\n", "");
        String stale = Instant.now().minusSeconds(120).toString();
        Tasks.redis().rpush("omni:{results}:outbox:inflight:" + ghost, row);
        Tasks.redis().hset("omni:workers", ghost, "{\"worker_id\":\"" + ghost + "\",\"started_at\":\"" + stale
                + "\",\"last_heartbeat\":\"" + stale + "\",\"in_flight\":1}");
        try {
            Await.until("the dead worker's row written", Duration.ofSeconds(30), () -> countRows(List.of(taskId)), n -> n == 1);
            assertEquals(0, Tasks.redis().llen("omni:{results}:outbox:inflight:" + ghost), "nothing left in its in-flight list");
        } finally {
            Tasks.redis().hdel("omni:workers", ghost);
        }
    }

    /**
     * A worker finished a task (its relay entry written atomically with the ack) and crashed while handing the entry on:
     * once the entry's lease has run out, another worker hands it on, and handing it on a second time is harmless.
     */
    @Test
    void aRelayEntryLeftByACrashedWorkerIsHandedOnOnceEvenWhenHandedOnTwice() {
        String taskId = "relay-" + UUID.randomUUID();
        String noticeId = "relay-notice-" + UUID.randomUUID();
        String row = """
                {"task_id":"%s","topic":"genesis.email","agent_id":"email_agent","tenant_id":"default","correlation_id":"%s",
                 "status":"success","attempts":1,"duration_seconds":0.01,"cost_cents":0,"input":{"n":1},"output":{"ok":true},
                 "created_at":"2026-12-07T10:00:00Z","completed_at":"2026-12-07T10:00:01Z","worker_id":"crashed"}"""
                .formatted(taskId, taskId).replace("\n", "");
        String entry = Json.createObjectBuilder().add("row", row).add("notify_topic", "genesis.security")
                .add("notice", envelope(noticeId, "genesis.security", Json.createObjectBuilder().add("kind", "task_finished")
                        .add("task_id", taskId).build())).build().toString();
        String relay = "omni:relay:{genesis.email}";
        // claimed by the crashed worker, its lease over (score = when it may be claimed again)
        Tasks.redis().zadd(relay, System.currentTimeMillis() - 1_000, entry);

        Await.until("the row written", Duration.ofSeconds(30), () -> countRows(List.of(taskId)), n -> n == 1);
        Tasks.awaitStatus(noticeId, "completed", Duration.ofSeconds(30));
        Await.until("the entry removed from the relay", Duration.ofSeconds(10), () -> Tasks.redis().zscore(relay, entry), score -> score == null);

        // the same entry once more, as after a crash between hand-on and removal
        Tasks.redis().zadd(relay, System.currentTimeMillis() - 1_000, entry);
        Await.until("the duplicate removed from the relay", Duration.ofSeconds(10), () -> Tasks.redis().zscore(relay, entry), score -> score == null);
        assertEquals(1, countRows(List.of(taskId)), "one row");
        // genesis.security sees few tasks in the tests, so the janitor (retaining the newest 50 acked) keeps it
        long queued = Tasks.redis().xrange("omni-stream:{genesis.security}", "-", "+").stream()
                .filter(e -> e.getFields().get("data").contains(noticeId)).count();
        assertEquals(1, queued, "the notice is queued once");
        assertEquals(1, Tasks.state(noticeId).getInt("attempts"), "the notice ran once");
    }

    /** An entry this version cannot read (a newer worker's format, or damage) is set aside for an operator, not dropped. */
    @Test
    void anUnreadableRelayEntryIsSetAsideNotDropped() {
        String entry = "r9|not an entry this version knows " + UUID.randomUUID();
        String relay = "omni:relay:{genesis.email}";
        Tasks.redis().zadd(relay, System.currentTimeMillis() - 1_000, entry);

        Await.until("the entry set aside", Duration.ofSeconds(30),
                () -> Tasks.redis().lrange(relay + ":rejected", 0, -1), kept -> kept.contains(entry));
        assertNull(Tasks.redis().zscore(relay, entry), "no longer in the relay");
    }

    private static long countRows(List<String> ids) {
        try (Connection db = Database.connect();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM omnidaemon_task_results WHERE task_id = ANY (?)")) {
            count.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static boolean ghostHolds(String stream, String group) {
        try {
            return Tasks.redis().xpending(stream, group, XPendingParams.xPendingParams().count(100).consumer("ghost-worker"))
                    .size() == 1;
        } catch (JedisDataException e) {
            return false;
        }
    }

    private static String envelope(String taskId, String topic, JsonObject content) {
        return Json.createObjectBuilder()
                .add("task_id", taskId).add("topic", topic).add("content", content)
                .add("correlation_id", taskId).add("source", "ghost-test").add("tenant_id", "default")
                .add("delivery_attempts", 0).add("created_at", Instant.now().toString())
                .build().toString();
    }
}
