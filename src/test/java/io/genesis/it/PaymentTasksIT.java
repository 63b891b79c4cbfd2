package io.genesis.it;

import com.sun.net.httpserver.HttpServer;
import io.genesis.runtime.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents paying while they work, through the real runtime: receipts on task results, vendor failures retried then
 * dead-lettered, staged deploys captured or voided, and the business's spend summary posted to a local webhook.
 */
class PaymentTasksIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = System.getProperty("genesis.it.webhooks.secret");
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Await.ready();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/spend", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                received.add(Map.of("body", body, "attempt", headers.getFirst(WebhookSigner.ATTEMPT),
                        "timestamp", headers.getFirst(WebhookSigner.TIMESTAMP), "signature", headers.getFirst(WebhookSigner.SIGNATURE),
                        "business", headers.getFirst("X-Genesis-Business-Id")));
                exchange.sendResponseHeaders(received.size() == 1 ? 503 : 204, -1);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String task(String topic, String business, String purchase, String extra) {
        return Tasks.publish("{\"topic\":\"" + topic + "\",\"business_id\":\"" + business + "\",\"content\":{\"purchase\":" + purchase
                + extra + "}}");
    }

    @Test
    void aPayingTaskCarriesItsReceiptAndItsCost() throws SQLException {
        String business = Payments.business();
        String taskId = task("genesis.research", business, "{\"vendor_url\":\"" + Payments.VENDORS
                + "llm-premium/v1/complete\",\"purpose\":\"market sizing\",\"body\":{\"prompt\":\"size\"}}", "");
        JsonObject done = Tasks.awaitStatus(taskId, "completed", DEADLINE);
        JsonObject receipt = done.getJsonObject("result").getJsonArray("x402.payment.receipts").getJsonObject(0);
        assertEquals("CAPTURED", receipt.getString("status"));
        assertTrue(receipt.getString("tx_hash").matches("0x[0-9a-f]{64}"));
        JsonObject payment = Payments.get(receipt.getString("payment_id"));
        assertEquals(taskId, payment.getString("task_id"));
        assertEquals(business, payment.getString("business_id"));
        assertEquals(receipt.getString("tx_hash"), payment.getString("tx_hash"));
        Map<String, Object> row = Await.until("task result row", DEADLINE, () -> {
            try {
                return taskRow(taskId);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, r -> !r.isEmpty());
        assertEquals(0, new BigDecimal("25").compareTo((BigDecimal) row.get("cost_cents")), "the purchase is the task's cost");
    }

    @Test
    void aFailingVendorLeadsToRetriesThenTheDeadLetterQueue() {
        String business = Payments.business();
        String taskId = task("genesis.qa", business, "{\"vendor_url\":\"" + Payments.VENDORS
                + "llm-premium/v1/complete?fail=503\",\"purpose\":\"flaky vendor\"}", "");
        JsonObject dead = Tasks.awaitStatus(taskId, "dead_lettered", DEADLINE);
        assertEquals(4, dead.getInt("attempts"), "qa_agent: 1 + 3 retries");
        assertTrue(dead.getString("error").contains("VOIDED"), dead.getString("error"));
        JsonArray payments = list("/api/payments?task_id=" + taskId);
        assertEquals(4, payments.size(), "every attempt is its own payment row");
        payments.forEach(p -> assertEquals("VOIDED", p.asJsonObject().getString("status"), "never settled, budget released"));
    }

    @Test
    void aStagedDeployTaskCapturesWhenTheDeploySucceedsAndVoidsWhenItFails() {
        String business = Payments.business();
        String purchase = "{\"vendor_url\":\"" + Payments.VENDORS + "gpu-runs/v1/runs\",\"purpose\":\"deploy smoke run\",\"mode\":\"STAGED\"}";
        String ok = task("genesis.deploy", business, purchase, "");
        JsonObject done = Tasks.awaitStatus(ok, "completed", DEADLINE);
        JsonObject receipt = done.getJsonObject("result").getJsonArray("x402.payment.receipts").getJsonObject(0);
        assertEquals("CAPTURED", receipt.getString("status"));
        assertEquals("STAGED", Payments.get(receipt.getString("payment_id")).getString("mode"));

        String failing = task("genesis.deploy", business, purchase.replace("}", ",\"body\":{\"release\":2}}"),
                ",\"simulate\":{\"fail_permanently\":true}");
        JsonArray voided = Await.until("a voided authorization of the failed deploy", DEADLINE,
                () -> list("/api/payments?task_id=" + failing + "&status=VOIDED"), found -> !found.isEmpty());
        assertEquals("STAGED", voided.getJsonObject(0).getString("mode"));
        assertFalse(voided.getJsonObject(0).containsKey("tx_hash"));
    }

    @Test
    void aBusinessSpendSummaryIsServedAndPostedSignedToTheWebhook() {
        String business = Payments.business();
        Payments.buy(Payments.body(business, "research_agent", Payments.VENDORS + "stock-media/v1/photos", "hero photo"));
        Payments.buy(Payments.body(business, "content_agent", Payments.VENDORS + "llm-premium/v1/complete", "copy"));
        Payments.buy(Payments.body(business, "content_agent", Payments.VENDORS + "llm-premium/v1/complete", "override budget now"));

        JsonObject summary = Api.get("/api/businesses/" + business + "/spend").json();
        assertEquals(business, summary.getString("business_id"));
        assertEquals(0, new BigDecimal("3.25").compareTo(summary.getJsonNumber("total_spent").bigDecimalValue()), summary.toString());
        assertEquals(2, summary.getInt("approved_intents"));
        assertEquals(1, summary.getInt("denied_intents"));
        assertEquals(0, new BigDecimal("3.00").compareTo(summary.getJsonObject("vendor_breakdown").getJsonNumber("stock-media").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.25").compareTo(summary.getJsonObject("agent_breakdown").getJsonNumber("content_agent").bigDecimalValue()));
        assertFalse(summary.containsKey("roi"), "no revenue projection yet: ROI unknown, not zero");

        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/spend";
        Api.Reply sent = Api.post("/api/businesses/" + business + "/spend/notifications", "{\"webhook_url\":\"" + url + "\"}");
        assertEquals(202, sent.status(), sent.body());
        List<Map<String, String>> calls = Await.until("summary delivered after one retry", DEADLINE, () -> List.copyOf(received),
                got -> got.stream().filter(c -> business.equals(c.get("business"))).count() >= 2);
        Map<String, String> delivered = calls.stream().filter(c -> business.equals(c.get("business")) && "2".equals(c.get("attempt")))
                .findFirst().orElseThrow();
        assertTrue(WebhookSigner.verify(SECRET, delivered.get("timestamp"), delivered.get("body"), delivered.get("signature"),
                Duration.ofMinutes(5)), "signed with the webhook secret");
        JsonObject message = Json.createReader(new StringReader(delivered.get("body"))).readObject();
        assertTrue(message.getString("content").contains(business));
        JsonObject embed = message.getJsonArray("embeds").getJsonObject(0);
        assertEquals("$3.25", field(embed, "💰 Total Spent"));
        assertEquals("2", field(embed, "✅ Approved"));
        assertEquals("1", field(embed, "🚫 Denied"));
        assertTrue(field(embed, "Vendors").contains("stock-media: $3.00"));
        Problems.of(Api.post("/api/businesses/" + business + "/spend/notifications", ""), 409);
    }

    private static JsonArray list(String path) {
        return Json.createReader(new StringReader(Api.get(path).body())).readArray();
    }

    private static String field(JsonObject embed, String name) {
        return embed.getJsonArray("fields").stream().map(JsonValue::asJsonObject).filter(f -> f.getString("name").equals(name))
                .findFirst().map(f -> f.getString("value")).orElse(null);
    }

    private static Map<String, Object> taskRow(String taskId) throws SQLException {
        try (var db = Database.connect(); var select = db.prepareStatement("SELECT cost_cents FROM omnidaemon_task_results WHERE task_id = ?")) {
            select.setString(1, taskId);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Map.of("cost_cents", rows.getBigDecimal(1)) : Map.of();
            }
        }
    }
}
