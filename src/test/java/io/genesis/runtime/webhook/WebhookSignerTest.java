package io.genesis.runtime.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    private static final String SECRET = "whsec_test_vector_secret";
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final String BODY = "{\"task_id\":\"t-1\",\"status\":\"completed\",\"result\":{\"ok\":true}}";
    /**
     * Computed outside Java:
     * {@code printf '%s' '1700000000.{"task_id":"t-1","status":"completed","result":{"ok":true}}'
     * | openssl dgst -sha256 -hmac 'whsec_test_vector_secret'}
     */
    private static final String VECTOR = "sha256=2c1a7299c41e58961e64f5acb901444a56958666dc1a65d8de6f7e5cb73644de";
    private static final Instant AT_SIGNING = Instant.ofEpochSecond(TIMESTAMP);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signatureMatchesTheOpensslTestVector() {
        assertEquals(VECTOR, new WebhookSigner(SECRET).signature(TIMESTAMP, BODY));
    }

    @Test
    void headersCarryEverythingAReceiverNeeds() {
        Map<String, String> headers = new WebhookSigner(SECRET).headers("d-1", WebhookSigner.TASK_ID, "t-1", 2, TIMESTAMP, BODY);
        assertEquals(List.of("Content-Type", "User-Agent", "X-Genesis-Delivery", "X-Genesis-Task-Id", "X-Genesis-Attempt",
                "X-Genesis-Timestamp", "X-Genesis-Signature"), List.copyOf(headers.keySet()));
        assertEquals("application/json", headers.get("Content-Type"));
        assertEquals("genesis-webhooks/1", headers.get("User-Agent"));
        assertEquals("d-1", headers.get("X-Genesis-Delivery"));
        assertEquals("t-1", headers.get("X-Genesis-Task-Id"));
        assertEquals("2", headers.get("X-Genesis-Attempt"));
        assertEquals("1700000000", headers.get("X-Genesis-Timestamp"));
        assertEquals(VECTOR, headers.get("X-Genesis-Signature"));
    }

    @Test
    void verifyAcceptsTheTestVector() {
        assertTrue(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING));
        assertTrue(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING.plusSeconds(299)));
    }

    @Test
    void verifyAcceptsWhatTheSignerProducesNow() {
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = new WebhookSigner(SECRET).headers("d-1", WebhookSigner.TASK_ID, "t-1", 1, now, BODY);
        assertTrue(WebhookSigner.verify(SECRET, headers.get("X-Genesis-Timestamp"), BODY,
                headers.get("X-Genesis-Signature"), TOLERANCE));
    }

    @Test
    void verifyRejectsAnyTampering() {
        assertFalse(WebhookSigner.verify("another-secret", "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING), "secret");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY.replace("t-1", "t-2"), VECTOR, TOLERANCE, AT_SIGNING), "body");
        assertFalse(WebhookSigner.verify(SECRET, "1700000001", BODY, VECTOR, TOLERANCE, AT_SIGNING), "timestamp");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR.substring(0, VECTOR.length() - 1) + "f",
                TOLERANCE, AT_SIGNING), "signature");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR.substring("sha256=".length()), TOLERANCE,
                AT_SIGNING), "missing scheme");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, "sha256=not-hex", TOLERANCE, AT_SIGNING), "not hex");
        assertFalse(WebhookSigner.verify(SECRET, "soon", BODY, VECTOR, TOLERANCE, AT_SIGNING), "timestamp not a number");
        assertFalse(WebhookSigner.verify(SECRET, null, BODY, VECTOR, TOLERANCE, AT_SIGNING), "no timestamp");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, null, TOLERANCE, AT_SIGNING), "no signature");
    }

    @Test
    void verifyRejectsTimestampsOutsideTheTolerance() {
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING.plusSeconds(301)), "replayed later");
        assertFalse(WebhookSigner.verify(SECRET, "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING.minusSeconds(301)), "from the future");
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSigner(""));
        assertFalse(WebhookSigner.verify("", "1700000000", BODY, VECTOR, TOLERANCE, AT_SIGNING));
    }
}
