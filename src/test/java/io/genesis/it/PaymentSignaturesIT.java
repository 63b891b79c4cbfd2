package io.genesis.it;

import io.genesis.payments.evm.EvmAddress;
import io.genesis.payments.evm.Signature;
import io.genesis.payments.x402.Authorization;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated payments carry real EIP-712 / EIP-3009 signatures: what the ledger stored is checked here with ecrecover
 * in the test JVM, and the simulated facilitator refuses a signature that was tampered with, as a real one would.
 */
class PaymentSignaturesIT {

    private static final String LLM = Payments.VENDORS + "llm-premium/v1/complete";
    private static final String SIGNATURE_REASON = "invalid_exact_evm_payload_signature";
    /** secp256k1 group order. */
    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aCapturedPaymentsStoredSignatureRecoversToThePayerOfItsRow() throws SQLException {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM, "signed completion"));
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        String payer = row.get("payer").toString();
        assertEquals(payer, EvmAddress.checksummed(payer), "the payer is an EIP-55 Ethereum address");
        JsonObject payload = json(row.get("payload_json"));
        JsonObject requirements = json(row.get("requirements_json"));
        Authorization authorization = Authorization.from(payload.getJsonObject("payload").getJsonObject("authorization"));
        assertEquals(payer, authorization.from());

        byte[] digest = authorization.digest(requirements.getString("network"), requirements.getString("asset"),
                requirements.getJsonObject("extra").getString("name"), requirements.getJsonObject("extra").getString("version"));
        Optional<String> signer = Signature.fromHex(payload.getJsonObject("payload").getString("signature")).signer(digest);
        assertEquals(Optional.of(payer), signer, "ecrecover of the stored signature is the row's payer");
        String extensions = payload.getJsonObject("extensions").toString();
        assertTrue(payload.getJsonObject("extensions").getJsonObject("simulated").getJsonObject("info").getBoolean("simulated"));
        assertFalse(extensions.toLowerCase().contains("hmac"), extensions);
    }

    @Test
    void aTamperedPaymentSignatureIsRefusedWithTheSignatureReason() throws SQLException {
        JsonObject authorized = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM, "held completion", "STAGED",
                "{\"hold\":1}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        String id = authorized.getString("payment_id");
        try {
            Map<String, Object> row = Payments.row(id);
            JsonObject payload = json(row.get("payload_json"));
            JsonObject requirements = json(row.get("requirements_json"));
            String signature = payload.getJsonObject("payload").getString("signature");
            assertTrue(verify(payload, requirements, signature).getBoolean("isValid"), "untouched, the held authorization verifies");

            char last = signature.charAt(40);
            String flippedR = signature.substring(0, 40) + (last == '0' ? '1' : '0') + signature.substring(41);
            String otherV = signature.substring(0, 130) + (signature.endsWith("1b") ? "1c" : "1b");
            Signature low = Signature.fromHex(signature);
            String highS = "0x" + String.format("%064x%064x", low.r(), N.subtract(low.s())) + (low.v() == 27 ? "1c" : "1b");
            for (String tampered : new String[] {flippedR, otherV, highS, signature.substring(0, 66), "0xnot-hex"}) {
                JsonObject answer = verify(payload, requirements, tampered);
                assertFalse(answer.getBoolean("isValid"), tampered);
                assertEquals(SIGNATURE_REASON, answer.getString("invalidReason"), tampered);
            }
        } finally {
            Api.post("/api/payments/" + id + "/void", "{\"reason\":\"signature test done\"}");
        }
    }

    private static JsonObject verify(JsonObject payload, JsonObject requirements, String signature) {
        JsonObject signed = Json.createObjectBuilder(payload).add("payload", Json.createObjectBuilder(payload.getJsonObject("payload"))
                .add("signature", signature)).build();
        Api.Reply reply = Api.post(Payments.FACILITATOR + "/verify", Json.createObjectBuilder().add("x402Version", 2)
                .add("paymentPayload", signed).add("paymentRequirements", requirements).build().toString());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject json(Object column) {
        return Json.createReader(new StringReader(column.toString())).readObject();
    }
}
