package io.genesis.it;

import io.genesis.it.WebhookReceiver.Answer;
import io.genesis.it.WebhookReceiver.Call;
import io.genesis.it.WebhookReceiver.Endpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spend summaries go through the runtime's durable webhook queue in Redis: delivered by whichever worker claims them,
 * retried per the spend-summary settings (the IT server allows 3 attempts), signed, and their status readable.
 */
class SpendSummaryWebhookIT {

    private static final String SECRET = System.getProperty("genesis.it.webhooks.secret");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static WebhookReceiver receivers;

    @BeforeAll
    static void start() throws IOException {
        Await.ready();
        receivers = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        if (receivers != null) {
            receivers.close();
        }
    }

    @Test
    void aSummaryIsDeliveredThroughTheDurableQueueAfterAFirstServerError() {
        String business = Payments.business();
        Payments.buy(Payments.body(business, "research_agent", Payments.VENDORS + "llm-premium/v1/complete", "market sizing"));
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(500), Answer.of(200)));

        Api.Reply sent = Api.post("/api/businesses/" + business + "/spend/notifications", "{\"webhook_url\":\"" + receiver.url + "\"}");
        assertEquals(202, sent.status(), sent.body());
        String deliveryId = sent.json().getString("delivery_id");
        String statusPath = "/api/businesses/" + business + "/spend/notifications/" + deliveryId;
        assertTrue(sent.header("Location").endsWith(statusPath), sent.header("Location"));
        assertEquals(200, Api.get(statusPath).status(), "readable at once, from Redis");

        JsonObject status = awaitState(statusPath, "delivered");
        assertEquals(business, status.getString("business_id"));
        assertFalse(status.containsKey("task_id"));
        assertEquals(receiver.url, status.getString("url"));
        assertEquals(2, status.getInt("attempts"), status.toString());
        assertEquals(200, status.getInt("last_status"));
        WebhookReceiver.assertNoJobLeft(deliveryId);

        List<Call> calls = receiver.awaitCalls(2);
        assertEquals(List.of("1", "2"), calls.stream().map(c -> c.header("X-Genesis-Attempt")).toList());
        for (Call call : calls) {
            call.assertSigned(SECRET);
            assertEquals(deliveryId, call.header("X-Genesis-Delivery"), "one delivery id across attempts");
            assertEquals(business, call.header("X-Genesis-Business-Id"));
            assertNull(call.header("X-Genesis-Task-Id"));
            assertEquals(calls.get(0).body(), call.body(), "the summary as it was when sent");
        }
        JsonObject message = calls.get(1).json();
        assertEquals("💰 Spend summary for business " + business + ": $0.25", message.getString("content"));
        assertEquals("Business " + business + " spend summary", message.getJsonArray("embeds").getJsonObject(0).getString("title"));
    }

    @Test
    void aSummaryJobLeftInRedisIsDeliveredByAnyWorker() throws SQLException {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(204)));
        String business = Payments.business();
        String deliveryId = UUID.randomUUID().toString();
        String body = "{\"content\":\"💰 Spend summary for business " + business + ": $1.00\"}";
        // as a worker that stopped right after enqueueing it would have left it: the delivery's owner recorded, the job queued
        Payments.ownSpendDelivery(deliveryId, business);
        Tasks.redis().zadd(WebhookReceiver.JOBS, System.currentTimeMillis(), Json.createObjectBuilder().add("delivery_id", deliveryId)
                .add("business_id", business).add("url", receiver.url).add("attempt", 0).add("body", body)
                .add("max_attempts", 3).add("backoff_base_ms", 100).add("backoff_cap_ms", 1000).build().toString());

        Call call = receiver.awaitCalls(1).get(0);
        assertEquals(body, call.body());
        assertEquals(business, call.header("X-Genesis-Business-Id"));
        call.assertSigned(SECRET);
        JsonObject status = awaitState("/api/businesses/" + business + "/spend/notifications/" + deliveryId, "delivered");
        assertEquals(1, status.getInt("attempts"));
        WebhookReceiver.assertNoJobLeft(deliveryId);
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheSpendSummaryAttempts() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(503)));
        String business = Payments.business();
        Api.Reply sent = Api.post("/api/businesses/" + business + "/spend/notifications", "{\"webhook_url\":\"" + receiver.url + "\"}");
        assertEquals(202, sent.status(), sent.body());
        String deliveryId = sent.json().getString("delivery_id");

        JsonObject status = awaitState("/api/businesses/" + business + "/spend/notifications/" + deliveryId, "failed");
        assertEquals(3, status.getInt("attempts"), "genesis.payments.spend-summary.max-attempts, not genesis.webhooks.*: " + status);
        assertEquals(503, status.getInt("last_status"));
        assertTrue(status.getString("last_error").contains("no attempts left"), status.toString());
        assertEquals(3, receiver.calls.size());
        WebhookReceiver.assertNoJobLeft(deliveryId);
    }

    @Test
    void anUnknownOrAnotherBusinesssDeliveryIsAProblem404() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(200)));
        String business = Payments.business();
        String deliveryId = Api.post("/api/businesses/" + business + "/spend/notifications", "{\"webhook_url\":\"" + receiver.url + "\"}")
                .json().getString("delivery_id");
        Problems.of(Api.get("/api/businesses/" + business + "/spend/notifications/" + UUID.randomUUID()), 404);
        Problems.of(Api.get("/api/businesses/" + Payments.business() + "/spend/notifications/" + deliveryId), 404);
        assertEquals("webhook_url", Problems.of(Api.post("/api/businesses/" + business + "/spend/notifications",
                "{\"webhook_url\":\"ftp://example.test/x\"}"), 400).getString("field"));
        assertNotNull(awaitState("/api/businesses/" + business + "/spend/notifications/" + deliveryId, "delivered"));
    }

    private static JsonObject awaitState(String path, String state) {
        return Await.until(path + " " + state, DEADLINE, () -> Api.get(path),
                reply -> reply.status() == 200 && state.equals(reply.json().getString("state"))).json();
    }
}
