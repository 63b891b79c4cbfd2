package io.genesis.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genesis.runtime.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook delivery end to end: a real HTTP receiver on 127.0.0.1, the server's dispatcher, real Redis. The terminal
 * situation comes from the real runtime: the task is published with a webhook and completed by its (simulated) agent.
 */
class WebhookIT {

    private static final String SECRET = System.getProperty("genesis.it.webhooks.secret");
    private static final String JOBS = "omni:webhooks";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static HttpServer server;
    private static RedisClient redis;

    /** One scripted answer of the receiver. */
    private record Answer(int status, Map<String, String> headers) {
        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** One request the receiver got. */
    private record Call(Instant at, String method, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** A receiver path answering with its script in order, the last answer repeating. */
    private static final class Receiver {
        final String url;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        private final List<Answer> script;

        Receiver(List<Answer> script) {
            this.script = List.copyOf(script);
            String path = "/hook/" + UUID.randomUUID();
            server.createContext(path, this::handle);
            url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer answer;
                synchronized (this) {
                    answer = script.get(Math.min(calls.size(), script.size() - 1));
                    calls.add(new Call(Instant.now(), exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
                }
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(answer.status(), -1);
            }
        }

        List<Call> awaitCalls(int count) {
            return Await.until(count + " webhook request(s) at " + url, DEADLINE, () -> List.copyOf(calls),
                    got -> got.size() >= count);
        }
    }

    @BeforeAll
    static void startReceiverAndRedis() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        redis = RedisClient.create("127.0.0.1", Integer.getInteger("genesis.it.redis.port"));
    }

    @AfterAll
    static void stopReceiverAndRedis() {
        if (server != null) {
            server.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void serverIsReady() {
        assertNotNull(SECRET, "genesis.it.webhooks.secret must be set (failsafe systemPropertyVariables)");
        Await.ready();
    }

    @Test
    void aSignedPostCarriesTheTaskResult() {
        Receiver receiver = new Receiver(List.of(Answer.of(200)));
        String taskId = publish(receiver.url);

        Call call = receiver.awaitCalls(1).get(0);
        String deliveryId = call.header("X-Genesis-Delivery");
        assertEquals("POST", call.method());
        assertSigned(call);
        assertEquals("application/json", call.header("Content-Type"));
        assertEquals("genesis-webhooks/1", call.header("User-Agent"));
        assertNotNull(deliveryId);
        assertEquals(taskId, call.header("X-Genesis-Task-Id"));
        assertEquals("1", call.header("X-Genesis-Attempt"));
        JsonObject body = call.json();
        assertEquals(taskId, body.getString("task_id"));
        assertEquals("completed", body.getString("status"));
        assertEquals("webhook-it", body.getJsonObject("result").getJsonObject("input").getString("spec"), body.toString());

        JsonObject status = awaitDeliveryState(taskId, "delivered");
        assertTrue(status.getBoolean("delivered"), status.toString());
        assertEquals(1, status.getInt("attempts"), status.toString());
        assertEquals(200, status.getInt("last_status"), status.toString());
        assertEquals(deliveryId, status.getString("delivery_id"), status.toString());
        assertNoJobLeft(deliveryId);
    }

    @Test
    void aServerErrorIsRetriedOnceAndThenDelivered() {
        Receiver receiver = new Receiver(List.of(Answer.of(500), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "delivered");
        String deliveryId = status.getString("delivery_id");
        assertEquals(2, status.getInt("attempts"), status.toString());
        assertEquals(200, status.getInt("last_status"), status.toString());
        assertNoJobLeft(deliveryId);
        List<Call> calls = receiver.awaitCalls(2);
        assertEquals(2, calls.size(), "exactly one retry");
        assertEquals(List.of("1", "2"), calls.stream().map(c -> c.header("X-Genesis-Attempt")).toList());
        calls.forEach(call -> {
            assertEquals(deliveryId, call.header("X-Genesis-Delivery"), "a retry keeps the delivery id");
            assertSigned(call);
        });
    }

    @Test
    void aClientErrorIsNeverRetried() {
        Receiver receiver = new Receiver(List.of(Answer.of(404), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "failed");
        String deliveryId = status.getString("delivery_id");
        assertFalse(status.getBoolean("delivered"), status.toString());
        assertEquals(1, status.getInt("attempts"), status.toString());
        assertEquals(404, status.getInt("last_status"), status.toString());
        assertTrue(status.getString("last_error").contains("not retryable"), status.toString());
        assertNoJobLeft(deliveryId);
        assertEquals(1, receiver.calls.size(), "a 404 is final");
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        Receiver receiver = new Receiver(List.of(new Answer(429, Map.of("Retry-After", "1")), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "delivered");
        String deliveryId = status.getString("delivery_id");
        assertEquals(2, status.getInt("attempts"), status.toString());
        List<Call> calls = receiver.awaitCalls(2);
        assertEquals(2, calls.size());
        assertEquals("2", calls.get(1).header("X-Genesis-Attempt"));
        Duration gap = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(gap.toMillis() >= 900, "Retry-After: 1 honoured (the jittered backoff would be <= 500 ms), gap " + gap);
        assertNoJobLeft(deliveryId);
    }

    @Test
    void aDeliveryWhoseTaskStateIsGoneIsDroppedAndRecorded() {
        Receiver receiver = new Receiver(List.of(Answer.of(200)));
        String taskId = "gone-" + UUID.randomUUID();
        String deliveryId = UUID.randomUUID().toString();
        redis.zadd(JOBS, System.currentTimeMillis(), job(deliveryId, taskId, receiver.url));

        JsonObject status = awaitDeliveryState(taskId, "failed");
        assertEquals(0, status.getInt("attempts"), status.toString());
        assertTrue(status.getString("last_error").contains("no longer available"), status.toString());
        assertNoJobLeft(deliveryId);
        assertTrue(receiver.calls.isEmpty(), "nothing to send without the task state");
    }

    @Test
    void aTaskWithoutDeliveryIsAProblem404() {
        Api.Reply reply = Api.get("/api/tasks/" + UUID.randomUUID() + "/webhook");
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertTrue(reply.json().getString("detail").startsWith("No webhook delivery for task"), reply.body());
    }

    private static String publish(String webhook) {
        Api.Reply reply = Api.post("/api/tasks", Json.createObjectBuilder()
                .add("topic", "genesis.build")
                .add("content", Json.createObjectBuilder().add("spec", "webhook-it"))
                .add("webhook", webhook)
                .build().toString());
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("task_id");
    }

    private static String job(String deliveryId, String taskId, String url) {
        return Json.createObjectBuilder().add("delivery_id", deliveryId).add("task_id", taskId).add("url", url)
                .add("attempt", 0).build().toString();
    }

    private static JsonObject awaitDeliveryState(String taskId, String state) {
        return Await.until("webhook delivery of " + taskId + " " + state, DEADLINE,
                () -> Api.get("/api/tasks/" + taskId + "/webhook"),
                reply -> reply.status() == 200 && state.equals(reply.json().getString("state"))).json();
    }

    private static void assertSigned(Call call) {
        assertTrue(WebhookSigner.verify(SECRET, call.header("X-Genesis-Timestamp"), call.body(),
                call.header("X-Genesis-Signature"), Duration.ofMinutes(5)), "signature verifies with the IT secret");
    }

    private static void assertNoJobLeft(String deliveryId) {
        List<String> left = new ArrayList<>(redis.zrange(JOBS, 0, -1));
        left.removeIf(member -> !member.contains(deliveryId));
        assertEquals(List.of(), left, "no job left for delivery " + deliveryId);
    }
}
