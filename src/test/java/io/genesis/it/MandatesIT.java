package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AP2 mandates through the API: listing them, reading one, and revoking an agent's open mandate for a business. */
class MandatesIT {

    private static final String LLM = Payments.VENDORS + "llm-premium/v1/complete";
    private static final String GPU = Payments.VENDORS + "gpu-runs/v1/runs";
    private static final String MANDATES = "/api/payments/mandates";

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aRevokedMandateDeniesTheAgentsNextPurchaseAndIsNotIssuedAgain() throws SQLException {
        String business = Payments.business();
        String agent = "research_agent";
        assertEquals("CAPTURED", Payments.buy(Payments.body(business, agent, LLM, "market sizing")).getString("status"));
        JsonObject open = single(list("?business_id=" + business + "&agent_id=" + agent + "&status=ACTIVE"));
        String id = open.getString("mandate_id");

        Api.Reply revoked = Api.post(MANDATES + "/" + id + "/revoke", "{\"revoked_by\":\"mallory\",\"reason\":\"agent looping on purchases\"}",
                as("alice@ops"));
        assertEquals(200, revoked.status(), revoked.body());
        assertNull(revoked.header("Idempotent-Replayed"));
        JsonObject mandate = revoked.json();
        assertEquals("REVOKED", mandate.getString("status"));
        assertEquals("alice@ops", mandate.getString("revoked_by"), "the subject of the token; a body's revoked_by is ignored");
        assertEquals("agent looping on purchases", mandate.getString("revocation_reason"));
        assertTrue(mandate.containsKey("revoked_at"));

        Api.Reply again = Api.post(MANDATES + "/" + id + "/revoke", "{\"reason\":\"double click\"}", as("bob@ops"));
        assertEquals(200, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"), "revoking twice is a no-op");
        assertEquals("alice@ops", again.json().getString("revoked_by"), "the first revocation stands");

        JsonObject denied = Payments.buy(Payments.body(business, agent, LLM, "one more completion"));
        assertEquals("DENIED", denied.getString("status"), denied.toString());
        assertEquals("MANDATE_INVALID", denied.getString("error_code"));
        assertTrue(denied.getString("error_message").contains("REVOKED"), denied.getString("error_message"));
        assertEquals(id, denied.getString("mandate_id"), "judged under the revoked mandate");
        assertEquals(1, Payments.count("SELECT count(*) FROM payment_mandates WHERE business_id = ? AND vct = 'mandate.payment.open.1'",
                business), "the Meta-Agent did not issue a new open mandate");
        assertEquals(0, Payments.count("SELECT count(*) FROM payment_mandates WHERE business_id = ? AND status = 'ACTIVE'", business));

        assertEquals("CAPTURED", Payments.buy(Payments.body(Payments.business(), agent, LLM, "another business")).getString("status"),
                "the revocation is for that business only");
    }

    @Test
    void mandatesAreListedNewestFirstAndReadOneByOneInAp2Vocabulary() {
        String business = Payments.business();
        String paymentId = Payments.buy(Payments.body(business, "content_agent", LLM, "tagline")).getString("payment_id");
        Payments.buy(Payments.body(business, "research_agent", LLM, "competitors"));

        JsonArray all = list("?business_id=" + business);
        assertEquals(4, all.size(), "two open mandates and two closed ones: " + all);
        assertEquals(1, list("?business_id=" + business + "&limit=1").size());
        JsonObject open = single(list("?business_id=" + business + "&agent_id=content_agent&status=ACTIVE"));
        assertEquals("mandate.payment.open.1", open.getString("vct"));
        assertEquals("meta-agent", open.getString("issuer"));
        assertTrue(open.containsKey("issued_at") && open.containsKey("not_before") && open.containsKey("expires_at"), open.toString());
        assertFalse(open.containsKey("revoked_at"));
        List<String> constraints = open.getJsonObject("mandate").getJsonArray("constraints").stream()
                .map(c -> c.asJsonObject().getString("type")).toList();
        assertTrue(constraints.containsAll(List.of("payment.amount_range", "payment.allowed_payees", "payment.execution_date",
                "io.genesis.spend.daily_budget")), constraints.toString());

        JsonObject closed = single(list("?business_id=" + business + "&agent_id=content_agent&status=CLOSED"));
        assertEquals("mandate.payment.1", closed.getString("vct"));
        assertEquals(open.getString("mandate_id"), closed.getString("parent_mandate_id"));
        assertEquals(paymentId, closed.getString("payment_id"));
        assertEquals(25, closed.getJsonObject("mandate").getJsonObject("payment_amount").getInt("amount"));

        Api.Reply one = Api.get(MANDATES + "/" + open.getString("mandate_id"));
        assertEquals(200, one.status(), one.body());
        assertEquals(open, one.json());
        Problems.of(Api.get(MANDATES + "/mdt_nope"), 404);
        assertEquals("status", Problems.of(Api.get(MANDATES + "?status=PAUSED"), 400).getString("field"));
        assertEquals("limit", Problems.of(Api.get(MANDATES + "?limit=0"), 400).getString("field"));
        Problems.of(Api.post(MANDATES + "/" + closed.getString("mandate_id") + "/revoke",
                "{\"revoked_by\":\"ops\",\"reason\":\"closed ones are bound to their payment\"}"), 409);
    }

    @Test
    void aBadRevokeRequestIsRefusedNamingTheFieldAndChangesNothing() {
        String business = Payments.business();
        Payments.buy(Payments.body(business, "research_agent", LLM, "summary"));
        String id = single(list("?business_id=" + business + "&status=ACTIVE")).getString("mandate_id");
        String revoke = MANDATES + "/" + id + "/revoke";
        assertEquals("body", Problems.of(Api.post(revoke, ""), 400).getString("field"));
        assertEquals("body", Problems.of(Api.post(revoke, "[1]"), 400).getString("field"));
        assertEquals("reason", Problems.of(Api.post(revoke, "{\"revoked_by\":\"ops\"}"), 400).getString("field"));
        assertEquals("reason", Problems.of(Api.post(revoke, "{\"reason\":\"  \"}"), 400).getString("field"));
        assertEquals("reason", Problems.of(Api.post(revoke, "{\"revoked_by\":\"ops\",\"reason\":42}"), 400).getString("field"));
        assertEquals("reason", Problems.of(Api.post(revoke, "{\"revoked_by\":\"ops\",\"reason\":\"" + "x".repeat(1025) + "\"}"), 422)
                .getString("field"));
        Problems.of(Api.post(MANDATES + "/mdt_unknown/revoke", "{\"revoked_by\":\"ops\",\"reason\":\"r\"}"), 404);
        assertEquals("ACTIVE", Api.get(MANDATES + "/" + id).json().getString("status"));
    }

    @Test
    void aRevocationVoidsUncapturedAuthorizationsAndDeniesApprovalsStillPending() throws SQLException {
        String business = Payments.business();
        String agent = "deploy_agent";
        JsonObject authorized = Payments.buy(Payments.body(business, agent, GPU, "deploy smoke run", "STAGED", "{\"release\":7}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        JsonObject pending = Payments.buy(Payments.body(business, agent, GPU + "?quote_cents=6000", "load test fleet"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        assertEquals(1250 + 6000, committedForBusiness(business));

        String mandateId = authorized.getString("mandate_id");
        assertEquals(200, Api.post(MANDATES + "/" + mandateId + "/revoke", "{\"reason\":\"budget freeze\"}", as("cfo")).status());

        JsonObject voided = Payments.get(authorized.getString("payment_id"));
        assertEquals("VOIDED", voided.getString("status"), voided.toString());
        assertFalse(voided.containsKey("tx_hash"), "never settled");
        JsonObject denied = Payments.get(pending.getString("payment_id"));
        assertEquals("DENIED", denied.getString("status"), denied.toString());
        assertEquals("MANDATE_INVALID", denied.getString("error_code"));
        assertEquals("cfo", lastEvent(denied).getString("actor"));
        assertEquals(0, committedForBusiness(business), "both reservations are released");
        Problems.of(Api.post("/api/payments/" + authorized.getString("payment_id") + "/capture", "{\"actor\":\"deploy_agent\"}"), 409);
        Problems.of(Api.post("/api/payments/" + pending.getString("payment_id") + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\"}"), 409);
    }

    @Test
    void aCaptureOrApprovalUnderAMandateRevokedInTheMeantimeIsRefused() throws SQLException {
        String business = Payments.business();
        String agent = "deploy_agent";
        JsonObject authorized = Payments.buy(Payments.body(business, agent, GPU, "deploy run", "STAGED", "{\"release\":8}"));
        JsonObject pending = Payments.buy(Payments.body(business, agent, GPU + "?quote_cents=7000", "bigger fleet"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        // revoked behind the API's back (as an operator's SQL would), so nothing settled the payments under it
        try (Connection db = Database.connect(); PreparedStatement update = db.prepareStatement("""
                UPDATE payment_mandates SET status = 'REVOKED', revoked_at = now(), revoked_by = 'dba', revocation_reason = 'by hand'
                WHERE mandate_id = ?""")) {
            update.setString(1, authorized.getString("mandate_id"));
            assertEquals(1, update.executeUpdate());
        }

        JsonObject capture = Problems.of(Api.post("/api/payments/" + authorized.getString("payment_id") + "/capture", ""), 409);
        assertTrue(capture.getString("detail").contains("revoked"), capture.getString("detail"));
        assertEquals("VOIDED", Payments.get(authorized.getString("payment_id")).getString("status"), "voided, never settled");
        JsonObject approval = Problems.of(Api.post("/api/payments/" + pending.getString("payment_id") + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\"}"), 409);
        assertTrue(approval.getString("detail").contains("REVOKED"), approval.getString("detail"));
        assertEquals("MANDATE_INVALID", Payments.get(pending.getString("payment_id")).getString("error_code"));
        assertEquals(0, committedForBusiness(business));
    }

    /** Headers of a tenant-role token of tenant {@code default} for {@code subject}. */
    private static Map<String, String> as(String subject) {
        return Api.bearer(DevTokens.mint(subject, "default", List.of("tenant"), 600));
    }

    private static JsonArray list(String query) {
        Api.Reply reply = Api.get(MANDATES + query);
        assertEquals(200, reply.status(), reply.body());
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray();
        }
    }

    private static JsonObject single(JsonArray mandates) {
        assertEquals(1, mandates.size(), mandates.toString());
        return mandates.getJsonObject(0);
    }

    private static JsonObject lastEvent(JsonObject payment) {
        List<JsonObject> events = payment.getJsonArray("events").stream().map(JsonValue::asJsonObject).toList();
        return events.get(events.size() - 1);
    }

    private static long committedForBusiness(String business) throws SQLException {
        return Payments.count("SELECT COALESCE(SUM(committed_cents), 0)::bigint FROM business_spend WHERE business_id = ?", business);
    }
}
