package io.genesis.it;

import jakarta.json.JsonObject;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Publishing and polling tasks through the HTTP API, plus direct Redis access for what only an operator sees. */
public final class Tasks {

    private static RedisClient redis;

    private Tasks() {
    }

    public static String publish(String json) {
        return publish(json, Map.of());
    }

    public static String publish(String json, Map<String, String> headers) {
        Api.Reply reply = Api.post("/api/tasks", json, headers);
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("task_id");
    }

    public static JsonObject state(String taskId) {
        Api.Reply reply = Api.get("/api/tasks/" + taskId);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    public static JsonObject awaitStatus(String taskId, String status, Duration timeout) {
        return Await.until("task " + taskId + " " + status, timeout, () -> Api.get("/api/tasks/" + taskId),
                reply -> reply.status() == 200 && status.equals(reply.json().getString("status"))).json();
    }

    public static synchronized RedisClient redis() {
        if (redis == null) {
            redis = RedisClient.create("127.0.0.1", Integer.getInteger("genesis.it.redis.port", 16379));
        }
        return redis;
    }
}
