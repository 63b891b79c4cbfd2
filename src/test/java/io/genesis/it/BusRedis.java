package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Direct Redis access for the operator tests: writes what the consumers would write (dead letters, task state
 * hashes, counters, heartbeats) in the documented layout, and reads back what the API changed.
 */
final class BusRedis implements AutoCloseable {

    static final String PREFIX = "omni";

    private final RedisClient client = RedisClient.create(URI.create(ItServices.services().redisUrl()));

    RedisClient client() {
        return client;
    }

    static String stream(String topic) {
        return PREFIX + "-stream:{" + topic + "}";
    }

    static String deadLetters(String topic) {
        return PREFIX + "-dlq:{" + topic + "}";
    }

    static String task(String topic, String taskId) {
        return PREFIX + ":task:{" + topic + "}:" + taskId;
    }

    static String metrics(String topic) {
        return PREFIX + ":metrics:{" + topic + "}";
    }

    static String workers() {
        return PREFIX + ":workers";
    }

    /** A dead letter as the consumer writes it after the last failed attempt; returns its entry id. */
    String deadLetter(String topic, String agent, String taskId, int attempts, String error) {
        String envelope = Json.createObjectBuilder()
                .add("task_id", taskId).add("topic", topic)
                .add("content", Json.createObjectBuilder().add("n", 1).add("items", Json.createArrayBuilder()))
                .add("correlation_id", "corr-" + taskId).add("source", "api").add("tenant_id", "default")
                .add("delivery_attempts", attempts).add("created_at", Instant.now().toString())
                .build().toString();
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            history.add(Json.createObjectBuilder().add("attempt", attempt).add("error", error + " #" + attempt)
                    .add("at", Instant.now().toString()).add("worker_id", "it-worker-1"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("data", envelope);
        fields.put("error", error);
        fields.put("history", history.build().toString());
        fields.put("agent", agent);
        fields.put("attempts", String.valueOf(attempts));
        fields.put("failed_at", Instant.now().toString());
        fields.put("original_id", "1700000000000-" + attempts);
        return client.xadd(deadLetters(topic), StreamEntryID.NEW_ENTRY, fields).toString();
    }

    /** The task state hash of a dead-lettered task, as the consumer leaves it. */
    void deadLetteredState(String topic, String agent, String taskId, int attempts, String error) {
        client.hset(task(topic, taskId), Map.of("task_id", taskId, "topic", topic, "agent", agent, "status", "dead_lettered",
                "attempts", String.valueOf(attempts), "error", error, "history", "[{\"attempt\":1,\"error\":\"" + error + "\"}]",
                "completed_at", Instant.now().toString(), "worker_id", "it-worker-1",
                "created_at", Instant.now().toString()));
        client.expire(task(topic, taskId), 3600);
    }

    static String newTaskId() {
        return "it-" + UUID.randomUUID();
    }

    @Override
    public void close() {
        client.close();
    }
}
