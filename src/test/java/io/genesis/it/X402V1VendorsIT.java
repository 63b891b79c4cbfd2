package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vendors still on x402 v1 (the simulated vendor with {@code x402_version=1}): they quote in the 402's JSON body with
 * v1 field and network names, are paid with {@code X-PAYMENT}, answer {@code X-PAYMENT-RESPONSE}; the facilitator is
 * asked with v1 bodies, and the ledger keeps the version and every v1 wire object verbatim. Any other version is denied.
 */
class X402V1VendorsIT {

    private static final String LLM_V1 = Payments.VENDORS + "llm-premium/v1/complete?x402_version=1";
    private static final String GPU_V1 = Payments.VENDORS + "gpu-runs/v1/runs?x402_version=1";

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    private static JsonObject json(Object text) {
        try (var reader = Json.createReader(new StringReader(text.toString()))) {
            return reader.readObject();
        }
    }

    @Test
    void aV1VendorQuotesInTheBodyWithV1NamesAndNoPaymentRequiredHeader() {
        Api.Reply reply = Api.get("/sim/x402/vendors/llm-premium/v1/complete?x402_version=1");
        assertEquals(402, reply.status());
        assertNull(reply.header("PAYMENT-REQUIRED"), "v1 has no PAYMENT-REQUIRED header");
        JsonObject required = reply.json();
        assertEquals(1, required.getInt("x402Version"));
        assertEquals("X-PAYMENT header is required", required.getString("error"));
        JsonObject accepts = required.getJsonArray("accepts").getJsonObject(0);
        assertEquals("base-sepolia", accepts.getString("network"));
        assertEquals("250000", accepts.getString("maxAmountRequired"), "$0.25 in USDC atomic units");
        assertTrue(accepts.getString("resource").endsWith("/v1/complete?x402_version=1"));
        assertEquals("application/json", accepts.getString("mimeType"));
        assertFalse(accepts.containsKey("amount"));
    }

    @Test
    void aPurchaseFromAV1VendorIsCapturedAndTheRowKeepsVersionOneAndTheV1WireObjectsVerbatim() throws SQLException {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM_V1, "premium completion, v1 vendor"));
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        assertEquals(1, payment.getInt("x402_version"));
        assertEquals("eip155:84532", payment.getString("network"), "the ledger speaks CAIP-2");
        assertTrue(payment.getString("tx_hash").matches("0x[0-9a-f]{64}"), payment.getString("tx_hash"));
        assertEquals("X-PAYMENT sent to the vendor", payment.getJsonArray("events").getJsonObject(2).getString("reason"));

        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        assertEquals(1, ((Number) row.get("x402_version")).intValue());
        assertEquals("eip155:84532", row.get("network"));
        JsonObject required = json(row.get("payment_required_json"));
        assertEquals(1, required.getInt("x402Version"));
        assertEquals("X-PAYMENT header is required", required.getString("error"), "the 402 body as the vendor sent it");
        assertFalse(required.containsKey("resource"), "v1 has no top-level resource");
        JsonObject requirements = json(row.get("requirements_json"));
        assertEquals("base-sepolia", requirements.getString("network"));
        assertEquals("250000", requirements.getString("maxAmountRequired"));
        assertEquals(required.getJsonArray("accepts").getJsonObject(0), requirements, "the chosen entry, verbatim");
        JsonObject payload = json(row.get("payload_json"));
        assertEquals(List.of("network", "payload", "scheme", "x402Version"), payload.keySet().stream().sorted().toList(),
                "a v1 PaymentPayload: no accepted, resource or extensions");
        assertEquals(1, payload.getInt("x402Version"));
        assertEquals("base-sepolia", payload.getString("network"));
        assertEquals("exact", payload.getString("scheme"));
        JsonObject authorization = payload.getJsonObject("payload").getJsonObject("authorization");
        assertEquals(row.get("auth_nonce").toString().trim(), authorization.getString("nonce"));
        assertEquals("250000", authorization.getString("value"));
        JsonObject settled = json(row.get("settle_response_json"));
        assertEquals(payment.getString("tx_hash"), settled.getString("transaction"), "read from X-PAYMENT-RESPONSE");
        assertEquals("base-sepolia", settled.getString("network"), "the v1 settlement answer, verbatim");
    }

    @Test
    void aStagedV1PurchaseIsAuthorizedAndCapturedWithV1FacilitatorBodies() {
        JsonObject authorized = Payments.buy(Payments.body(Payments.business(), "deploy_agent", GPU_V1, "deploy verification, v1 vendor",
                "STAGED", "{\"release\":7}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        assertTrue(authorized.getJsonObject("verify_response").getBoolean("isValid"));
        JsonObject captured = Api.post("/api/payments/" + authorized.getString("payment_id") + "/capture", "{\"actor\":\"deploy_agent\"}").json();
        assertEquals("CAPTURED", captured.getString("status"), captured.toString());
        assertEquals("base-sepolia", captured.getJsonObject("settle_response").getString("network"));
        assertEquals(captured.getString("tx_hash"), captured.getJsonObject("settle_response").getString("transaction"));
    }

    @Test
    void aHumanApprovesALargeV1PurchaseAndItIsPaid() {
        JsonObject pending = Payments.buy(Payments.body(Payments.business(), "builder_agent", GPU_V1 + "&quote_cents=6000", "v1 fleet"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        Api.Reply approved = Api.post("/api/payments/" + pending.getString("payment_id") + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\",\"rationale\":\"v1 vendor, known\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("CAPTURED", approved.json().getString("status"), approved.body());
        assertEquals(1, approved.json().getInt("x402_version"));
    }

    @Test
    void theSimulatedFacilitatorTakesV1BodiesAndListsTheV1Kind() throws SQLException {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM_V1, "one v1 completion"));
        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        JsonObject payload = json(row.get("payload_json"));
        JsonObject requirements = json(row.get("requirements_json"));
        JsonObject v1 = Api.post(Payments.FACILITATOR + "/verify", Json.createObjectBuilder().add("x402Version", 1)
                .add("paymentPayload", payload).add("paymentRequirements", requirements).build().toString()).json();
        assertFalse(v1.getBoolean("isValid"));
        assertEquals("invalid_exact_evm_nonce_already_used", v1.getString("invalidReason"), "every v1 check passed up to the nonce");
        JsonObject otherNetwork = Api.post(Payments.FACILITATOR + "/verify", Json.createObjectBuilder().add("x402Version", 1)
                .add("paymentPayload", Json.createObjectBuilder(payload).add("network", "base"))
                .add("paymentRequirements", requirements).build().toString()).json();
        assertEquals("network_mismatch", otherNetwork.getString("invalidReason"));
        JsonObject mixed = Api.post(Payments.FACILITATOR + "/settle", Json.createObjectBuilder().add("x402Version", 2)
                .add("paymentPayload", payload).add("paymentRequirements", requirements).build().toString()).json();
        assertFalse(mixed.getBoolean("success"), "a v1 payload in a v2 body is refused: " + mixed);
        JsonArray kinds = Api.get(Payments.FACILITATOR + "/supported").json().getJsonArray("kinds");
        assertEquals(2, kinds.getJsonObject(0).getInt("x402Version"));
        assertTrue(kinds.stream().map(JsonObject.class::cast).anyMatch(kind -> kind.getInt("x402Version") == 1
                && kind.getString("network").equals("base-sepolia")), kinds.toString());
    }

    @Test
    void aVendorQuotingInAnUnsupportedVersionIsDeniedNamingTheVersions() {
        JsonObject denied = Payments.buy(Payments.body(Payments.business(), "research_agent",
                Payments.VENDORS + "llm-premium/v1/complete?x402_version=3", "completion from a future vendor"));
        assertEquals("DENIED", denied.getString("status"), denied.toString());
        assertEquals("PROTOCOL_UNSUPPORTED", denied.getString("error_code"));
        assertEquals("x402 version 3 is not supported (1 and 2 are)", denied.getString("error_message"));
        assertEquals(3, denied.getInt("x402_version"), "the quote is on record as it came");
        Api.Reply raw = Api.get("/sim/x402/vendors/llm-premium/v1/complete?x402_version=3");
        assertEquals(3, Json.createReader(new StringReader(new String(Base64.getDecoder().decode(raw.header("PAYMENT-REQUIRED")),
                java.nio.charset.StandardCharsets.UTF_8))).readObject().getInt("x402Version"));
    }
}
