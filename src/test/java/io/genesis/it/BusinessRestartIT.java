package io.genesis.it;

import io.genesis.it.WebhookReceiver.Answer;
import io.genesis.it.WebhookReceiver.Call;
import io.genesis.it.WebhookReceiver.Endpoint;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work in flight survives the application server going away: a business mid-execution finishes after the restart, and
 * a spend summary whose retry was due while the server was down is delivered by the restarted one (one restart for both:
 * it is the slowest step of the suite).
 */
class BusinessRestartIT {

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aBusinessAndASpendSummaryRetryFinishAfterTheServerRestarts() throws Exception {
        try (WebhookReceiver receivers = WebhookReceiver.start()) {
            String spender = Payments.business();
            Payments.buy(Payments.body(spender, "research_agent", Payments.VENDORS + "llm-premium/v1/complete", "market sizing"));
            String id = Businesses.create("{\"business_type\":\"saas_tool\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":400}}}}");
            Await.until("some tasks done", Duration.ofSeconds(60), () -> Businesses.get(id), b -> completed(b) >= 3);

            // the first attempt is told to come back in 20 s: the retry waits in Redis while the server goes away (a stop
            // takes 5-10 s here, so only the restarted server can make it; a longer wait would only be waited out)
            Endpoint receiver = receivers.endpoint(List.of(new Answer(429, Map.of("Retry-After", "20")), Answer.of(200)));
            Api.Reply sent = Api.post("/api/businesses/" + spender + "/spend/notifications", "{\"webhook_url\":\"" + receiver.url + "\"}");
            assertEquals(202, sent.status(), sent.body());
            String deliveryId = sent.json().getString("delivery_id");
            receiver.awaitCalls(1);

            Instant stopping = Instant.now();
            server("stop");
            server("start");
            Await.ready();

            assertBusinessFinishedOnce(id);
            List<Call> calls = Await.until("the summary's second attempt", Duration.ofSeconds(120), () -> List.copyOf(receiver.calls),
                    got -> got.size() >= 2);
            assertTrue(calls.get(1).at().isAfter(stopping), "the retry was made after the server went away");
            assertEquals(List.of("1", "2"), calls.stream().map(c -> c.header("X-Genesis-Attempt")).toList());
            assertEquals(deliveryId, calls.get(1).header("X-Genesis-Delivery"), "the same delivery, resumed");
            assertEquals(calls.get(0).body(), calls.get(1).body());
            calls.get(1).assertSigned(System.getProperty("genesis.it.webhooks.secret"));
            JsonObject status = Await.until("delivered", Duration.ofSeconds(30),
                    () -> Api.get("/api/businesses/" + spender + "/spend/notifications/" + deliveryId).json(),
                    s -> "delivered".equals(s.getString("state", "")));
            assertEquals(2, status.getInt("attempts"), status.toString());
        }
    }

    private static void assertBusinessFinishedOnce(String id) {
        JsonObject business = Businesses.awaitTerminal(id, Duration.ofSeconds(120));
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        assertEquals(business.getJsonArray("task_results").size(), completed(business), "every task completed exactly once");
        assertTrue(business.getJsonArray("transitions").stream().map(t -> t.asJsonObject().getString("state"))
                .filter("SUCCESS"::equals).count() == 1);
    }

    private static long completed(JsonObject business) {
        return business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("status").equals("completed")).count();
    }

    private static void server(String action) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("genesis.it.wlp-dir"), "bin", "server");
        Process process = new ProcessBuilder(script.toString(), action, System.getProperty("genesis.it.server-name"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " finished");
        assertEquals(0, process.exitValue(), "server " + action);
    }
}
