package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.genesis.it.BusOperatorIT.byField;
import static io.genesis.it.BusOperatorIT.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents, runtime status, cumulative metrics and the Prometheus gauges as an operator (and a scraper) sees them.
 * Counters and heartbeats are written directly in the documented layout, the way consumers write them.
 */
class RuntimeOperatorIT {

    private BusRedis redis;

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @BeforeEach
    void connect() {
        redis = new BusRedis();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void agentsListsEveryAgentWithPolicyAndLiveCounts() {
        String stream = BusRedis.stream("genesis.darwin");
        try {
            redis.client().xgroupCreate(stream, "group:darwin_agent", StreamEntryID.XGROUP_LAST_ENTRY, true);
        } catch (JedisDataException alreadyThere) {
            // the group exists already (a consumer or an earlier run created it)
        }
        redis.client().xgroupCreateConsumer(stream, "group:darwin_agent", "ops-it-consumer");
        redis.client().del(BusRedis.metrics("genesis.darwin"));
        redis.client().hset(BusRedis.metrics("genesis.darwin"), Map.of("received", "5", "processed", "3", "failed", "1",
                "duration_ms_total", "1000"));

        JsonObject agents = ok(Api.get("/api/agents"));
        assertEquals(23, agents.getInt("count"));
        assertEquals(23, agents.getJsonArray("agents").size());
        JsonObject builder = byField(agents.getJsonArray("agents"), "name", "builder_agent");
        assertEquals("genesis.build", builder.getString("topic"));
        assertEquals("group:builder_agent", builder.getString("consumer_group"));
        JsonObject policy = builder.getJsonObject("policy");
        assertEquals(3, policy.getInt("max_retries"));
        assertEquals(5, policy.getInt("retry_delay_seconds"));
        assertEquals(600, policy.getInt("timeout_seconds"));
        assertTrue(policy.getInt("consumers") > 0);
        JsonObject live = builder.getJsonObject("live");
        for (String field : List.of("stream_length", "pending", "dlq_depth")) {
            assertTrue(live.getJsonNumber(field).longValue() >= 0, field + " in " + live);
        }

        JsonObject darwin = byField(agents.getJsonArray("agents"), "name", "darwin_agent");
        byField(darwin.getJsonObject("live").getJsonArray("consumers"), "name", "ops-it-consumer");
        JsonObject counters = darwin.getJsonObject("counters");
        assertEquals(5, counters.getInt("received"));
        assertEquals(0, counters.getInt("timed_out"));
        assertEquals(250.0, counters.getJsonNumber("avg_processing_ms").doubleValue());
    }

    @Test
    void metricsArePerTopicAndAgentWithTotals() {
        redis.client().del(BusRedis.metrics("genesis.pricing"));
        redis.client().hset(BusRedis.metrics("genesis.pricing"), Map.of("received", "10", "processed", "6",
                "failed", "2", "retried", "3", "dead_lettered", "1", "timed_out", "1", "duration_ms_total", "800"));

        JsonObject one = ok(Api.get("/api/metrics?topic=genesis.pricing"));
        assertEquals(1, one.getJsonArray("topics").size());
        JsonObject pricing = one.getJsonArray("topics").getJsonObject(0);
        assertEquals("pricing_agent", pricing.getString("agent"));
        assertEquals(10, pricing.getInt("received"));
        assertEquals(6, pricing.getInt("processed"));
        assertEquals(2, pricing.getInt("failed"));
        assertEquals(3, pricing.getInt("retried"));
        assertEquals(1, pricing.getInt("dead_lettered"));
        assertEquals(1, pricing.getInt("timed_out"));
        assertEquals(100.0, pricing.getJsonNumber("avg_processing_ms").doubleValue());
        assertEquals(10, one.getJsonObject("totals").getInt("received"));

        JsonObject all = ok(Api.get("/api/metrics"));
        assertEquals(23, all.getJsonArray("topics").size());
        assertTrue(all.getJsonObject("totals").getInt("received") >= 10);

        JsonObject problem = Problems.of(Api.get("/api/metrics?topic=genesis.nope"), 404);
        assertEquals(23, problem.getJsonArray("valid_topics").size());
    }

    @Test
    void runtimeReportsWorkersByHeartbeatAndTheBusTotals() {
        Instant now = Instant.now();
        redis.client().hset(BusRedis.workers(), Map.of(
                "ops-it-live", heartbeat("ops-it-live", now),
                "ops-it-gone", heartbeat("ops-it-gone", now.minus(Duration.ofHours(1)))));
        try {
            JsonObject runtime = ok(Api.get("/api/runtime"));
            assertEquals("running", runtime.getString("status"), runtime.toString());
            assertTrue(byField(runtime.getJsonArray("workers"), "worker_id", "ops-it-live").getBoolean("alive"));
            JsonObject gone = byField(runtime.getJsonArray("workers"), "worker_id", "ops-it-gone");
            assertFalse(gone.getBoolean("alive"));
            assertTrue(gone.getJsonNumber("heartbeat_age_seconds").longValue() >= 3599);
            assertTrue(runtime.getJsonArray("reasons").toString().contains("ops-it-gone"), runtime.toString());
            assertTrue(runtime.getInt("workers_alive") >= 1);
            assertEquals(15, runtime.getInt("worker_stale_seconds"));
            assertEquals(23, runtime.getJsonArray("topics").size());
            assertEquals(23, runtime.getInt("agents"));
            for (String field : List.of("queue_depth", "pending", "dlq_depth")) {
                assertTrue(runtime.getJsonNumber(field).longValue() >= 0, field);
            }
            JsonObject redisInfo = runtime.getJsonObject("redis");
            assertTrue(redisInfo.getBoolean("connected"));
            assertFalse(redisInfo.getString("version").isBlank());
            assertFalse(redisInfo.getString("used_memory_human").isBlank());
            JsonObject self = runtime.getJsonObject("this_worker");
            assertEquals("it-worker-1", self.getString("worker_id"));
            assertTrue(self.getJsonNumber("uptime_seconds").longValue() >= 0);
        } finally {
            redis.client().hdel(BusRedis.workers(), "ops-it-live", "ops-it-gone");
        }
    }

    @Test
    void runtimeIsDownButStillAnswersWhenRedisIsUnreachable() throws IOException {
        ItServices.services().stopRedis();
        try {
            JsonObject runtime = Await.until("runtime status down", Duration.ofSeconds(30), () -> Api.get("/api/runtime"),
                    reply -> reply.status() == 200 && reply.json().getString("status").equals("down")).json();
            assertFalse(runtime.getJsonObject("redis").getBoolean("connected"));
            assertFalse(runtime.getJsonObject("redis").getString("error").isBlank());
            assertEquals(23, runtime.getJsonArray("topics").size());
            assertFalse(runtime.containsKey("queue_depth"), "no bus figures without Redis: " + runtime);

            Api.Reply agents = Api.get("/api/agents");
            Problems.of(agents, 503);
            assertEquals("5", agents.header("Retry-After"));
        } finally {
            ItServices.services().startRedis();
        }
        Await.until("runtime status back", Duration.ofSeconds(30), () -> Api.get("/api/runtime"),
                reply -> reply.status() == 200 && !reply.json().getString("status").equals("down"));
    }

    @Test
    void prometheusShowsDeadLetterDepthAndPendingTasksPerTopicAndAgent() {
        String topic = "genesis.finance";
        redis.client().del(BusRedis.deadLetters(topic));
        redis.deadLetter(topic, "finance_agent", BusRedis.newTaskId(), 4, "ledger closed");
        redis.deadLetter(topic, "finance_agent", BusRedis.newTaskId(), 4, "ledger closed");

        String line = Await.until("omnidaemon_dlq_depth of " + topic + " at 2", Duration.ofSeconds(30),
                () -> sample(Api.get("/metrics").body(), "omnidaemon_dlq_depth", topic),
                sample -> sample != null && sample.endsWith(" 2.0"));
        assertTrue(line.contains("agent=\"finance_agent\""), line);

        String metrics = Api.get("/metrics").body();
        assertTrue(metrics.contains("# TYPE omnidaemon_dlq_depth gauge"), "gauge type line");
        assertTrue(metrics.contains("# TYPE omnidaemon_pending_tasks gauge"), "gauge type line");
        String pending = sample(metrics, "omnidaemon_pending_tasks", "genesis.build");
        assertTrue(pending != null && pending.contains("agent=\"builder_agent\""), "pending gauge: " + pending);
        // the IT server's own worker heartbeats, so at least one worker is alive cluster-wide
        String alive = metrics.lines().filter(l -> l.startsWith("omnidaemon_workers_alive{")).findFirst().orElse("");
        assertTrue(alive.matches(".* [1-9][0-9]*\\.0"), "workers alive gauge: " + alive);
    }

    @Test
    void idleConsumersLeaveTheirGroupsOnlyWithNothingPending() {
        String stream = BusRedis.stream("genesis.darwin");
        String group = "ops-it-forget";
        try {
            redis.client().xgroupCreate(stream, group, StreamEntryID.XGROUP_LAST_ENTRY, true);
        } catch (JedisDataException alreadyThere) {
            redis.client().xgroupSetID(stream, group, StreamEntryID.XGROUP_LAST_ENTRY);
        }
        try {
            redis.client().xgroupCreateConsumer(stream, group, "ops-it-idle");
            Api.Reply published = Api.post("/api/tasks", "{\"topic\": \"genesis.darwin\", \"content\": {\"q\": \"forget\"}}");
            assertEquals(202, published.status(), published.body());
            redis.client().xreadGroup(group, "ops-it-holder", XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertEquals(List.of("ops-it-holder", "ops-it-idle"), consumers(stream, group));

            // the IT server forgets consumers idle for 5 s; the janitor runs every 2 s
            Await.until("the idle consumer leaves", Duration.ofSeconds(30), () -> consumers(stream, group),
                    names -> !names.contains("ops-it-idle"));
            Await.during(Duration.ofSeconds(8), () -> assertTrue(consumers(stream, group).contains("ops-it-holder"),
                    "a consumer holding an entry stays"));

            StreamEntryID held = redis.client().xpending(stream, group,
                    XPendingParams.xPendingParams().count(1)).get(0).getID();
            redis.client().xack(stream, group, held);
            Await.until("the consumer leaves once it holds nothing", Duration.ofSeconds(30), () -> consumers(stream, group),
                    List::isEmpty);
        } finally {
            redis.client().xgroupDestroy(stream, group);
        }
    }

    @Test
    void workersSilentForLongerThanTheForgetTimeLeaveTheList() {
        redis.client().hset(BusRedis.workers(), "ops-it-ancient", heartbeat("ops-it-ancient", Instant.now().minus(Duration.ofDays(3))));
        try {
            // every heartbeat (5 s) forgets workers silent for over a day
            Await.until("the ancient worker is forgotten", Duration.ofSeconds(30),
                    () -> redis.client().hexists(BusRedis.workers(), "ops-it-ancient"), exists -> !exists);
            assertTrue(redis.client().hexists(BusRedis.workers(), "it-worker-1"), "the live worker stays");
        } finally {
            redis.client().hdel(BusRedis.workers(), "ops-it-ancient");
        }
    }

    private List<String> consumers(String stream, String group) {
        return redis.client().xinfoConsumers2(stream, group).stream().map(StreamConsumerInfo::getName).sorted().toList();
    }

    private static String sample(String metrics, String name, String topic) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("topic=\"" + topic + "\""))
                .findFirst().orElse(null);
    }

    private static String heartbeat(String worker, Instant at) {
        return "{\"worker_id\":\"" + worker + "\",\"started_at\":\"" + at.minusSeconds(60) + "\",\"last_heartbeat\":\""
                + at + "\",\"in_flight\":0}";
    }
}
