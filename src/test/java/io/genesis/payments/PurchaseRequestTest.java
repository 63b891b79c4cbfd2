package io.genesis.payments;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurchaseRequestTest {

    private static final String KEY = "pay_5f0c2a7d9b1e4c3a";
    private static final String URL = "https://gpu.vendor.example/v1/runs";

    private static PurchaseRequest request(String key, String business, String agent, String mode, String url, Long max) {
        return PurchaseRequest.validated(key, "default", business, agent, null, "GPU run", mode, null, url, null, max, 1_000_000);
    }

    private static void refused(int status, String field, Runnable call) {
        InvalidPaymentRequest invalid = assertThrows(InvalidPaymentRequest.class, call::run);
        assertEquals(status == 400, invalid.malformed());
        assertEquals(field, invalid.field());
    }

    @Test
    void defaultsAreOneShotPost() {
        PurchaseRequest request = request(KEY, "biz_1", "deploy_agent", null, URL, null);
        assertEquals(PurchaseMode.ONE_SHOT, request.mode());
        assertEquals("POST", request.method());
    }

    @Test
    void badInputNamesItsField() {
        refused(400, "Idempotency-Key", () -> request(null, "biz_1", "a", null, URL, null));
        refused(400, "Idempotency-Key", () -> request("short", "biz_1", "a", null, URL, null));
        refused(400, "business_id", () -> request(KEY, " ", "a", null, URL, null));
        refused(400, "agent_id", () -> request(KEY, "biz_1", "bad agent!", null, URL, null));
        refused(422, "mode", () -> request(KEY, "biz_1", "a", "LATER", URL, null));
        refused(400, "vendor_url", () -> request(KEY, "biz_1", "a", null, "ftp://vendor.example/x", null));
        refused(400, "vendor_url", () -> request(KEY, "biz_1", "a", null, "https://user:pw@vendor.example/x", null));
        refused(400, "vendor_url", () -> request(KEY, "biz_1", "a", null, "not a url", null));
        refused(422, "max_amount_cents", () -> request(KEY, "biz_1", "a", null, URL, -1L));
        refused(422, "max_amount_cents", () -> request(KEY, "biz_1", "a", null, URL, 1_000_001L));
    }

    @Test
    void theHashCoversTheRequestAndTheFingerprintOnlyWhatGoesToTheVendor() {
        PurchaseRequest one = PurchaseRequest.validated(KEY, "default", "biz_1", "a", null, "first", null, null, URL,
                Json.createObjectBuilder().add("n", 1).build(), null, 1000);
        PurchaseRequest other = PurchaseRequest.validated(KEY, "default", "biz_1", "a", null, "second", null, null, URL,
                Json.createObjectBuilder().add("n", 1).build(), null, 1000);
        assertNotEquals(one.hash(), other.hash());
        assertEquals(one.fingerprint(), other.fingerprint());
    }
}
