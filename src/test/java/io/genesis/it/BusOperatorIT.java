package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bus operator verbs as an operator uses them: list, inspect, groups and stats of the topic streams, and dead
 * letters listed, inspected, replayed and purged. Dead letters are written directly in the documented layout,
 * the way the consumers write them. Each test owns its topic, so the tests do not depend on each other.
 */
class BusOperatorIT {

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
    void publishedTasksAppearInTheStreamListAndInspection() {
        String first = publish("genesis.build", "{\"step\": 1}");
        String second = publish("genesis.build", "{\"step\": 2}");

        JsonObject list = ok(Api.get("/api/bus/streams"));
        assertEquals(23, list.getInt("count"));
        JsonObject build = byField(list.getJsonArray("streams"), "topic", "genesis.build");
        assertEquals("omni-stream:{genesis.build}", build.getString("stream"));
        assertTrue(build.getJsonNumber("length").longValue() >= 2, build.toString());
        assertFalse(build.getString("last_entry_id").isBlank());

        JsonObject inspect = ok(Api.get("/api/bus/streams/genesis.build?limit=2"));
        assertEquals(2, inspect.getInt("limit"));
        assertEquals("newest_first", inspect.getString("order"));
        List<JsonObject> entries = inspect.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(List.of(second, first), entries.stream().map(e -> e.getString("task_id")).toList());
        JsonObject envelope = entries.get(0).getJsonObject("envelope");
        assertEquals("genesis.build", envelope.getString("topic"));
        assertEquals(2, envelope.getJsonObject("content").getInt("step"));
        assertEquals(0, envelope.getInt("delivery_attempts"));
        assertTrue(entries.get(0).getString("id").matches("\\d+-\\d+"));
    }

    @Test
    void defaultInspectionShowsTenEntries() {
        for (int i = 0; i < 11; i++) {
            publish("genesis.architect", "{\"i\": " + i + "}");
        }
        JsonObject inspect = ok(Api.get("/api/bus/streams/genesis.architect"));
        assertEquals(10, inspect.getInt("limit"));
        assertEquals(10, inspect.getJsonArray("entries").size());
    }

    @Test
    void aStreamNothingWasPublishedToReadsAsEmpty() {
        redis.client().del(BusRedis.stream("genesis.sales"));
        JsonObject list = ok(Api.get("/api/bus/streams"));
        JsonObject sales = byField(list.getJsonArray("streams"), "topic", "genesis.sales");
        assertEquals(0, sales.getInt("length"));
        assertEquals(0, sales.getInt("groups"));
        JsonObject inspect = ok(Api.get("/api/bus/streams/genesis.sales"));
        assertEquals(0, inspect.getInt("length"));
        assertEquals(0, inspect.getJsonArray("entries").size());
        assertEquals(0, ok(Api.get("/api/bus/streams/genesis.sales/groups")).getJsonArray("groups").size());
    }

    @Test
    void groupsShowConsumersWithTheirPendingEntries() {
        String stream = BusRedis.stream("genesis.research");
        publish("genesis.research", "{\"q\": \"groups\"}");
        try {
            redis.client().xgroupCreate(stream, "ops-it-group", new StreamEntryID(0, 0), true);
        } catch (JedisDataException alreadyThere) {
            redis.client().xgroupSetID(stream, "ops-it-group", new StreamEntryID(0, 0));
        }
        redis.client().xreadGroup("ops-it-group", "ops-it-consumer", XReadGroupParams.xReadGroupParams().count(1),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));

        JsonObject groups = ok(Api.get("/api/bus/streams/genesis.research/groups"));
        assertEquals(stream, groups.getString("stream"));
        JsonObject group = byField(groups.getJsonArray("groups"), "name", "ops-it-group");
        assertTrue(group.getInt("pending") >= 1, group.toString());
        assertFalse(group.getString("last_delivered_id").isBlank());
        JsonObject consumer = byField(group.getJsonArray("consumers"), "name", "ops-it-consumer");
        assertTrue(consumer.getInt("pending") >= 1, consumer.toString());
        assertTrue(consumer.getJsonNumber("idle_ms").longValue() >= 0);

        JsonObject stats = ok(Api.get("/api/bus/stats"));
        JsonObject research = byField(stats.getJsonArray("streams"), "topic", "genesis.research");
        assertTrue(byField(research.getJsonArray("groups"), "name", "ops-it-group").getInt("pending") >= 1);
        assertTrue(stats.getJsonObject("totals").getJsonNumber("length").longValue() >= 1);
        assertFalse(stats.getJsonObject("redis").getString("used_memory_human").isBlank());
        assertFalse(stats.getJsonObject("redis").getString("version").isBlank());
    }

    @Test
    void deadLettersAreListedAndInspectedWithTheirHistory() {
        String topic = "genesis.support";
        redis.client().del(BusRedis.deadLetters(topic));
        String taskId = BusRedis.newTaskId();
        String id = redis.deadLetter(topic, "support_agent", taskId, 4, "handler exploded");

        JsonObject all = ok(Api.get("/api/bus/dlq"));
        List<JsonObject> depths = all.getJsonArray("dead_letters").getValuesAs(JsonObject.class);
        assertTrue(depths.stream().allMatch(d -> d.getInt("depth") > 0), "only non-empty topics: " + all);
        assertEquals(1, byField(all.getJsonArray("dead_letters"), "topic", topic).getInt("depth"));

        redis.client().del(BusRedis.deadLetters("genesis.pricing"));
        JsonObject asked = ok(Api.get("/api/bus/dlq?topic=genesis.pricing"));
        assertEquals(0, asked.getInt("total"));
        JsonObject pricing = asked.getJsonArray("dead_letters").getJsonObject(0);
        assertEquals("genesis.pricing", pricing.getString("topic"), "a topic asked for is listed even when empty");
        assertEquals(0, pricing.getInt("depth"));

        JsonObject inspect = ok(Api.get("/api/bus/dlq/" + topic + "?limit=5"));
        assertEquals(1, inspect.getInt("depth"));
        assertEquals("omni-dlq:{" + topic + "}", inspect.getString("stream"));
        JsonObject letter = inspect.getJsonArray("entries").getJsonObject(0);
        assertEquals(id, letter.getString("id"));
        assertEquals(taskId, letter.getString("task_id"));
        assertEquals("support_agent", letter.getString("agent"));
        assertEquals(4, letter.getInt("attempts"));
        assertEquals("handler exploded", letter.getString("error"));
        assertEquals("1700000000000-4", letter.getString("original_id"));
        assertFalse(letter.getString("failed_at").isBlank());
        assertEquals(4, letter.getJsonArray("history").size());
        assertEquals("handler exploded #1", letter.getJsonArray("history").getJsonObject(0).getString("error"));
        assertEquals(taskId, letter.getJsonObject("envelope").getString("task_id"));
    }

    @Test
    void replayByIdPutsTheTaskBackOnItsStreamQueued() {
        String topic = "genesis.qa";
        redis.client().del(BusRedis.deadLetters(topic));
        String taskId = BusRedis.newTaskId();
        String other = BusRedis.newTaskId();
        String id = redis.deadLetter(topic, "qa_agent", taskId, 4, "tests failed");
        redis.deadLetter(topic, "qa_agent", other, 4, "tests failed");
        redis.deadLetteredState(topic, "qa_agent", taskId, 4, "tests failed");

        JsonObject outcome = ok(Api.post("/api/bus/dlq/" + topic + "/replay",
                "{\"ids\": [\"" + id + "\", \"9999999999999-0\"]}"));
        assertEquals(1, outcome.getInt("replayed"));
        assertEquals(List.of(taskId), strings(outcome, "task_ids"));
        assertEquals(List.of("9999999999999-0"), strings(outcome, "not_found"));
        assertEquals(1, outcome.getInt("remaining"));
        assertEquals(1000, outcome.getInt("max_per_call"));

        JsonObject requeued = find(topic, taskId);
        assertEquals(0, requeued.getInt("delivery_attempts"), "delivery attempts start over");
        assertEquals(0, requeued.getJsonObject("content").getJsonArray("items").size(), "content unchanged");
        // the live runtime runs the replayed task again from attempt 1; earlier failures stay in its history
        JsonObject rerun = Tasks.awaitStatus(taskId, "completed", Duration.ofSeconds(20));
        assertEquals(1, rerun.getInt("attempts"));
        assertTrue(rerun.getJsonArray("history").toString().contains("tests failed"), "history kept: " + rerun);
        assertTrue(redis.client().ttl(BusRedis.task(topic, taskId)) > 0);

        JsonObject left = ok(Api.get("/api/bus/dlq/" + topic));
        assertEquals(1, left.getInt("depth"));
        assertEquals(other, left.getJsonArray("entries").getJsonObject(0).getString("task_id"));
    }

    @Test
    void replayWithoutBodyReplaysEverythingAndRewritesMissingOrLegacyState() {
        String topic = "genesis.backend";
        redis.client().del(BusRedis.deadLetters(topic));
        String first = BusRedis.newTaskId();
        String second = BusRedis.newTaskId();
        redis.deadLetter(topic, "backend_agent", first, 2, "timeout");
        redis.deadLetter(topic, "backend_agent", second, 4, "crash");
        redis.client().set(BusRedis.task(topic, second), "{\"task_id\":\"" + second + "\",\"status\":\"dead_lettered\"}");

        JsonObject outcome = ok(Api.post("/api/bus/dlq/" + topic + "/replay", ""));
        assertEquals(2, outcome.getInt("replayed"));
        assertEquals(List.of(first, second), strings(outcome, "task_ids"));
        assertEquals(0, outcome.getInt("remaining"));
        assertEquals(0, redis.client().xlen(BusRedis.deadLetters(topic)));

        JsonObject secondRun = Tasks.awaitStatus(second, "completed", Duration.ofSeconds(20));
        assertEquals(1, secondRun.getInt("attempts"));
        assertEquals("backend_agent", secondRun.getString("agent"));
        assertEquals("corr-" + second, secondRun.getString("correlation_id"));
        assertTrue(secondRun.getJsonArray("history").toString().contains("crash #4"), "history from the dead letter: " + secondRun);
        assertEquals(1, Tasks.awaitStatus(first, "completed", Duration.ofSeconds(20)).getInt("attempts"),
                "state recreated after expiry, task run again");
        find(topic, first);
        find(topic, second);

        JsonObject again = ok(Api.post("/api/bus/dlq/" + topic + "/replay", "{}"));
        assertEquals(0, again.getInt("replayed"));
        assertEquals(0, again.getJsonArray("task_ids").size());
    }

    @Test
    void replayOfAnEmptyDeadLetterStreamReplaysNothing() {
        redis.client().del(BusRedis.deadLetters("genesis.email"));
        JsonObject outcome = ok(Api.post("/api/bus/dlq/genesis.email/replay", ""));
        assertEquals(0, outcome.getInt("replayed"));
        assertEquals(0, outcome.getInt("remaining"));
        assertEquals(0, ok(Api.post("/api/bus/dlq/genesis.email/replay", "{\"ids\": []}")).getInt("replayed"));
    }

    @Test
    void purgeDeletesEveryDeadLetterOfTheTopic() {
        String topic = "genesis.seo";
        redis.client().del(BusRedis.deadLetters(topic));
        for (int i = 0; i < 3; i++) {
            redis.deadLetter(topic, "seo_agent", BusRedis.newTaskId(), 4, "bad");
        }
        JsonObject purged = ok(Api.delete("/api/bus/dlq/" + topic));
        assertEquals(3, purged.getInt("purged"));
        assertEquals(0, ok(Api.get("/api/bus/dlq/" + topic)).getInt("depth"));
        assertEquals(0, ok(Api.delete("/api/bus/dlq/" + topic)).getInt("purged"));
    }

    @Test
    void unknownTopicsAre404ProblemsNamingTheValidTopics() {
        for (Api.Reply reply : List.of(Api.get("/api/bus/streams/genesis.nope"), Api.get("/api/bus/streams/genesis.nope/groups"),
                Api.get("/api/bus/dlq/genesis.nope"), Api.get("/api/bus/dlq?topic=genesis.nope"),
                Api.post("/api/bus/dlq/genesis.nope/replay", ""), Api.delete("/api/bus/dlq/genesis.nope"))) {
            JsonObject problem = Problems.of(reply, 404);
            assertTrue(problem.getString("detail").contains("genesis.build"), problem.toString());
            assertEquals(23, problem.getJsonArray("valid_topics").size());
        }
    }

    @Test
    void badLimitsAre400Problems() {
        for (String limit : List.of("0", "1001", "ten", "-3", "")) {
            JsonObject problem = Problems.of(Api.get("/api/bus/streams/genesis.build?limit=" + limit), 400);
            assertTrue(problem.getString("detail").contains("1000"), problem.toString());
            Problems.of(Api.get("/api/bus/dlq/genesis.build?limit=" + limit), 400);
        }
        assertEquals(1000, ok(Api.get("/api/bus/streams/genesis.build?limit=1000")).getInt("limit"));
    }

    @Test
    void malformedReplayRequestsAre400Problems() {
        String path = "/api/bus/dlq/genesis.deploy/replay";
        JsonObject invalid = Problems.of(Api.post(path, "{\"ids\": [\"12-0\", \"not-an-id\", 7]}"), 400);
        assertEquals(List.of("not-an-id", "7"), strings(invalid, "invalid_ids"));
        Problems.of(Api.post(path, "{\"ids\": \"1-0\"}"), 400);
        Problems.of(Api.post(path, "{\"id\": [\"1-0\"]}"), 400);
        Problems.of(Api.post(path, "{\"ids\": ["), 400);
        Problems.of(Api.post(path, "[\"1-0\"]"), 400);
        StringBuilder many = new StringBuilder("{\"ids\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("\"").append(i).append("-0\"");
        }
        JsonObject tooMany = Problems.of(Api.post(path, many.append("]}").toString()), 400);
        assertTrue(tooMany.getString("detail").contains("1000"), tooMany.toString());
    }

    private JsonObject find(String topic, String taskId) {
        JsonObject inspect = ok(Api.get("/api/bus/streams/" + topic + "?limit=1000"));
        return inspect.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(entry -> taskId.equals(entry.getString("task_id", null)))
                .map(entry -> entry.getJsonObject("envelope"))
                .findFirst().orElseThrow(() -> new AssertionError(taskId + " is not on " + topic + ": " + inspect));
    }

    private static String publish(String topic, String content) {
        Api.Reply reply = Api.post("/api/tasks", "{\"topic\": \"" + topic + "\", \"content\": " + content + "}");
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("task_id");
    }

    static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        return reply.json();
    }

    static JsonObject byField(jakarta.json.JsonArray array, String field, String value) {
        return array.getValuesAs(JsonObject.class).stream().filter(o -> value.equals(o.getString(field, null)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).stream()
                .map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString())
                .toList();
    }
}
