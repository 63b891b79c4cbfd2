package io.genesis.it;

import io.genesis.it.WebhookReceiver.Answer;
import io.genesis.it.WebhookReceiver.Call;
import io.genesis.it.WebhookReceiver.Endpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static WebhookReceiver receivers;

    @BeforeAll
    static void startReceiver() throws IOException {
        receivers = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receivers != null) {
            receivers.close();
        }
    }

    @BeforeEach
    void serverIsReady() {
        assertNotNull(SECRET, "genesis.it.webhooks.secret must be set (failsafe systemPropertyVariables)");
        Await.ready();
    }

    @Test
    void aSignedPostCarriesTheTaskResult() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(200)));
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
        WebhookReceiver.assertNoJobLeft(deliveryId);
    }

    @Test
    void aServerErrorIsRetriedOnceAndThenDelivered() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(500), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "delivered");
        String deliveryId = status.getString("delivery_id");
        assertEquals(2, status.getInt("attempts"), status.toString());
        assertEquals(200, status.getInt("last_status"), status.toString());
        WebhookReceiver.assertNoJobLeft(deliveryId);
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
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(404), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "failed");
        String deliveryId = status.getString("delivery_id");
        assertFalse(status.getBoolean("delivered"), status.toString());
        assertEquals(1, status.getInt("attempts"), status.toString());
        assertEquals(404, status.getInt("last_status"), status.toString());
        assertTrue(status.getString("last_error").contains("not retryable"), status.toString());
        WebhookReceiver.assertNoJobLeft(deliveryId);
        assertEquals(1, receiver.calls.size(), "a 404 is final");
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        Endpoint receiver = receivers.endpoint(List.of(new Answer(429, Map.of("Retry-After", "1")), Answer.of(200)));
        String taskId = publish(receiver.url);

        JsonObject status = awaitDeliveryState(taskId, "delivered");
        String deliveryId = status.getString("delivery_id");
        assertEquals(2, status.getInt("attempts"), status.toString());
        List<Call> calls = receiver.awaitCalls(2);
        assertEquals(2, calls.size());
        assertEquals("2", calls.get(1).header("X-Genesis-Attempt"));
        Duration gap = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(gap.toMillis() >= 900, "Retry-After: 1 honoured (the jittered backoff would be <= 500 ms), gap " + gap);
        WebhookReceiver.assertNoJobLeft(deliveryId);
    }

    @Test
    void aDeliveryWhoseTaskStateIsGoneIsDroppedAndRecorded() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(200)));
        String taskId = "gone-" + UUID.randomUUID();
        String deliveryId = UUID.randomUUID().toString();
        Tasks.redis().zadd(WebhookReceiver.JOBS, System.currentTimeMillis(), job(deliveryId, taskId, receiver.url));

        JsonObject status = awaitDeliveryState(taskId, "failed");
        assertEquals(0, status.getInt("attempts"), status.toString());
        assertTrue(status.getString("last_error").contains("no longer available"), status.toString());
        WebhookReceiver.assertNoJobLeft(deliveryId);
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
        call.assertSigned(SECRET);
    }

}
