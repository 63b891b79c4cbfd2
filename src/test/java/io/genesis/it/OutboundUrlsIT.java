package io.genesis.it;

import io.genesis.it.WebhookReceiver.Answer;
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

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook URLs that point inside (loopback not allow-listed, private, metadata, link-local...) are refused when given,
 * in every spelling, and again when a delivery is attempted; delivery status never shows a URL's secrets. The IT server
 * allows only 127.0.0.1 and localhost (its receivers), so 127.0.0.2 stands for an internal loopback address.
 */
class OutboundUrlsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** Spellings of internal addresses, none of them open to the IT server. */
    private static final List<String> INTERNAL = List.of(
            "http://169.254.169.254/latest/meta-data/", "http://2852039166/", "http://0xa9fea9fe/", "http://0251.0376.0251.0376/",
            "http://169.254.43518/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL./", "http://169.254.1.1/",
            "http://[fe80::1]/", "http://10.0.0.1/", "http://012.0.0.1/", "http://167772161/", "http://172.16.0.1/",
            "http://192.168.1.1/", "http://0xc0.0xa8.1.1/", "http://100.64.0.1/", "http://[fc00::1]/", "http://[::ffff:10.0.0.1]/",
            "http://127.0.0.2/", "http://0x7f000002/", "http://2130706434/", "http://[::1]/", "http://[::ffff:127.0.0.2]/",
            "http://api.localhost/", "http://0.0.0.0/", "http://0/", "http://[::]/", "http://224.0.0.1/", "http://255.255.255.255/",
            "http://1.2.3.999/", "http://%6c%6f%63%61%6c%68%6f%73%74/", "ftp://example.com/", "file:///etc/passwd");

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
    void aTaskWebhookToAnInternalAddressIsRefusedInEverySpelling() {
        assertAll(INTERNAL.stream().map(url -> () -> {
            Api.Reply reply = Api.post("/api/tasks", Json.createObjectBuilder().add("topic", "genesis.build")
                    .add("content", Json.createObjectBuilder()).add("webhook", url).build().toString());
            JsonObject problem = AbuseLimitsIT.problem(reply, 400);
            assertEquals("webhook", problem.getString("field"), url + ": " + problem);
        }));
    }

    @Test
    void aSpendSummaryWebhookToAnInternalAddressIsRefusedInEverySpelling() {
        String business = Payments.business();
        assertAll(INTERNAL.stream().map(url -> () -> {
            Api.Reply reply = Api.post("/api/businesses/" + business + "/spend/notifications",
                    Json.createObjectBuilder().add("webhook_url", url).build().toString());
            JsonObject problem = AbuseLimitsIT.problem(reply, 400);
            assertEquals("webhook_url", problem.getString("field"), url + ": " + problem);
        }));
    }

    @Test
    void theRefusalSaysWhatTheAddressIs() {
        Api.Reply reply = Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"webhook\":\"http://0xa9fea9fe/\"}");
        String detail = AbuseLimitsIT.problem(reply, 400).getString("detail");
        assertTrue(detail.contains("cloud metadata"), detail);
    }

    @Test
    void aDeliveryIsCheckedAgainOnTheAddressItWouldConnectTo() throws SQLException {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(200)));
        String business = Payments.business();
        // jobs that never passed intake (as if the name had resolved elsewhere then), their owner recorded as the API
        // does: refused when attempted, not retried
        for (String url : List.of("http://169.254.169.254/latest/meta-data/",
                receiver.url.replace("127.0.0.1", "127.0.0.2"), receiver.url.replace("127.0.0.1", "[::ffff:127.0.0.2]"))) {
            String deliveryId = UUID.randomUUID().toString();
            Payments.ownSpendDelivery(deliveryId, business);
            Tasks.redis().zadd(WebhookReceiver.JOBS, System.currentTimeMillis(), Json.createObjectBuilder()
                    .add("delivery_id", deliveryId).add("business_id", business).add("url", url).add("attempt", 0)
                    .add("body", "{}").add("max_attempts", 3).add("backoff_base_ms", 100).add("backoff_cap_ms", 1000)
                    .build().toString());
            JsonObject status = awaitState("/api/businesses/" + business + "/spend/notifications/" + deliveryId, "failed");
            assertEquals(1, status.getInt("attempts"), status.toString());
            assertTrue(status.getString("last_error").startsWith("refused: url points to a"), status.toString());
            WebhookReceiver.assertNoJobLeft(deliveryId);
        }
        assertTrue(receiver.calls.isEmpty(), "nothing reached the receiver");
    }

    @Test
    void deliveryStatusNeverShowsUserinfoOrQuery() {
        Endpoint receiver = receivers.endpoint(List.of(Answer.of(200)));
        String secretUrl = receiver.url.replace("http://", "http://hook-user:s3cret-pass@") + "?token=s3cret-token#s3cret";
        Api.Reply published = Api.post("/api/tasks", Json.createObjectBuilder().add("topic", "genesis.build")
                .add("content", Json.createObjectBuilder().add("spec", "secret-url")).add("webhook", secretUrl).build().toString());
        assertEquals(202, published.status(), published.body());
        String taskId = published.json().getString("task_id");

        receiver.awaitCalls(1);
        Api.Reply status = Await.until("webhook delivery of " + taskId, DEADLINE, () -> Api.get("/api/tasks/" + taskId + "/webhook"),
                reply -> reply.status() == 200 && "delivered".equals(reply.json().getString("state")));
        assertEquals(receiver.url, status.json().getString("url"));
        assertFalse(status.body().contains("s3cret"), status.body());
    }

    private static JsonObject awaitState(String path, String state) {
        return Await.until(path + " " + state, DEADLINE, () -> Api.get(path),
                reply -> reply.status() == 200 && state.equals(reply.json().getString("state"))).json();
    }
}
