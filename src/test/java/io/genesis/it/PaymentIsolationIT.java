package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two tenants, A and B, on one server: neither reads, decides, captures, voids, refunds, revokes or counts the other's
 * payments, mandates, spend or budget; a payment, mandate or delivery of the other tenant is 404 exactly like a missing
 * one; idempotency keys are each tenant's own; operators see every tenant and filter by {@code tenant_id}.
 */
class PaymentIsolationIT {

    private static final String LLM = Payments.VENDORS + "llm-premium/v1/complete";
    private static final String GPU = Payments.VENDORS + "gpu-runs/v1/runs";

    private String tenantA;
    private String tenantB;
    private Map<String, String> a;
    private Map<String, String> b;
    private Map<String, String> approverA;

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @BeforeEach
    void twoTenants() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        tenantA = "iso-a-" + run;
        tenantB = "iso-b-" + run;
        a = Api.bearer(DevTokens.mint("alice@" + tenantA, tenantA, List.of("tenant"), 600));
        b = Api.bearer(DevTokens.mint("bob@" + tenantB, tenantB, List.of("tenant"), 600));
        approverA = Api.bearer(DevTokens.mint("carol@" + tenantA, tenantA, List.of("approver"), 600));
    }

    @Test
    void theSameIdempotencyKeyInTwoTenantsMakesTwoPaymentsAndEachReplaysItsOwn() {
        String business = Payments.business();
        String key = Payments.key();
        String body = Payments.body(business, "research_agent", LLM, "market sizing", "ONE_SHOT", "{\"q\":1}");
        Api.Reply first = buy(body, key, a);
        Api.Reply other = buy(body, key, b);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, other.status(), "B's key is B's own, not a replay of A's payment: " + other.body());
        assertNotEquals(first.json().getString("payment_id"), other.json().getString("payment_id"));
        assertEquals(tenantA, first.json().getString("tenant_id"));
        assertEquals(tenantB, other.json().getString("tenant_id"));
        assertNotEquals(first.json().getString("mandate_id"), other.json().getString("mandate_id"),
                "each tenant's agent has its own open mandate for the same business id");

        Api.Reply replay = buy(body, key, a);
        assertEquals(200, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("payment_id"), replay.json().getString("payment_id"));
        JsonObject conflict = Problems.of(buy(body.replace("market sizing", "another purpose"), key, b), 409);
        assertEquals(other.json().getString("payment_id"), conflict.getString("payment_id"), "a clash names the tenant's own payment only");
    }

    @Test
    void anotherTenantsPaymentsAreNotFoundForReadsDecisionsCapturesVoidsAndRefunds() {
        String business = Payments.business();
        JsonObject paidB = buy(body(business, "research_agent", LLM, "B's completion"), b).json();
        JsonObject stagedB = buy(Payments.body(business, "deploy_agent", GPU, "B's deploy run", "STAGED", "{\"release\":1}"), b).json();
        JsonObject pendingB = buy(body(business, "builder_agent", GPU + "?quote_cents=6000", "B's load test fleet"), b).json();
        assertEquals("CAPTURED", paidB.getString("status"), paidB.toString());
        assertEquals("AUTHORIZED", stagedB.getString("status"), stagedB.toString());
        assertEquals("PENDING_APPROVAL", pendingB.getString("status"), pendingB.toString());
        JsonObject paidA = buy(body(business, "research_agent", LLM, "A's completion"), a).json();

        String missing = "pay_" + UUID.randomUUID().toString().replace("-", "");
        JsonObject notFound = Problems.of(Api.get("/api/payments/" + missing, a), 404);
        for (JsonObject payment : List.of(paidB, stagedB, pendingB)) {
            String id = payment.getString("payment_id");
            JsonObject hidden = Problems.of(Api.get("/api/payments/" + id, a), 404);
            assertEquals(notFound.getString("title"), hidden.getString("title"), "exactly like a missing payment");
            assertEquals(notFound.getString("detail").replace(missing, id), hidden.getString("detail"));
        }
        Problems.of(Api.post("/api/payments/" + stagedB.getString("payment_id") + "/capture", "{}", a), 404);
        Problems.of(Api.post("/api/payments/" + stagedB.getString("payment_id") + "/void", "{\"reason\":\"mine now\"}", a), 404);
        Problems.of(Api.post("/api/payments/" + paidB.getString("payment_id") + "/refund", "{}", with(a, "Idempotency-Key", Payments.key())), 404);
        Problems.of(Api.post("/api/payments/" + pendingB.getString("payment_id") + "/decision", "{\"decision\":\"approve\"}", approverA), 404);

        assertEquals("AUTHORIZED", Payments.get(stagedB.getString("payment_id")).getString("status"), "B's authorization untouched");
        assertEquals("PENDING_APPROVAL", Payments.get(pendingB.getString("payment_id")).getString("status"), "B's escalation undecided");
        assertEquals("CAPTURED", Payments.get(paidB.getString("payment_id")).getString("status"), "B's charge not refunded");

        assertEquals(List.of(paidA.getString("payment_id")), ids(list("/api/payments?business_id=" + business, a), "payment_id"),
                "A lists only A's payments of a business id both use");
        assertEquals(3, list("/api/payments?business_id=" + business, b).size(), "B sees its three");
        Problems.of(Api.get("/api/payments?tenant_id=" + tenantB, a), 403);
        List<String> operatorsView = ids(list("/api/payments?business_id=" + business, Map.of()), "payment_id");
        assertEquals(4, operatorsView.size(), "an operator sees every tenant: " + operatorsView);
        assertEquals(List.of(paidA.getString("payment_id")),
                ids(list("/api/payments?business_id=" + business + "&tenant_id=" + tenantA, Map.of()), "payment_id"),
                "and may filter by tenant");
    }

    @Test
    void anApproverDecidesOnlyItsTenantsEscalationsAndIsRecordedByItsTokensSubject() {
        String business = Payments.business();
        JsonObject pendingA = buy(body(business, "builder_agent", GPU + "?quote_cents=6000", "A's fleet"), a).json();
        assertEquals("PENDING_APPROVAL", pendingA.getString("status"), pendingA.toString());
        Problems.of(Api.post("/api/payments/" + pendingA.getString("payment_id") + "/decision", "{\"decision\":\"approve\"}",
                Api.bearer(DevTokens.mint("dave@" + tenantB, tenantB, List.of("approver"), 600))), 404);

        Api.Reply approved = Api.post("/api/payments/" + pendingA.getString("payment_id") + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"somebody-else\",\"rationale\":\"release gate\"}", approverA);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("CAPTURED", approved.json().getString("status"));
        JsonObject human = approved.json().getJsonArray("decisions").getJsonObject(1);
        assertEquals("HUMAN", human.getString("approval_mode"));
        assertEquals("carol@" + tenantA, human.getString("decided_by"), "the token's subject, never the body's decided_by");
        assertTrue(approved.json().getJsonArray("events").stream().anyMatch(e -> ("carol@" + tenantA).equals(e.asJsonObject()
                .getString("actor"))), "the approval event names the token's subject too");
    }

    @Test
    void anotherTenantsMandatesAreNotFoundAndCannotBeRevoked() {
        String business = Payments.business();
        String mandateB = buy(body(business, "research_agent", LLM, "B's completion"), b).json().getString("mandate_id");
        buy(body(business, "research_agent", LLM, "A's completion"), a);

        Problems.of(Api.get("/api/payments/mandates/" + mandateB, a), 404);
        Problems.of(Api.post("/api/payments/mandates/" + mandateB + "/revoke", "{\"reason\":\"not yours\"}", a), 404);
        assertEquals("ACTIVE", Api.get("/api/payments/mandates/" + mandateB, b).json().getString("status"));
        JsonArray mine = list("/api/payments/mandates?business_id=" + business, a);
        assertEquals(2, mine.size(), "A's open and closed mandate only: " + mine);
        assertTrue(mine.stream().allMatch(m -> tenantA.equals(m.asJsonObject().getString("tenant_id"))), mine.toString());
        assertEquals(4, list("/api/payments/mandates?business_id=" + business, Map.of()).size(), "an operator sees both tenants'");

        Api.Reply revoked = Api.post("/api/payments/mandates/" + mandateB + "/revoke",
                "{\"revoked_by\":\"someone else\",\"reason\":\"B stops\"}", b);
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals("bob@" + tenantB, revoked.json().getString("revoked_by"), "the token's subject, never the body's revoked_by");
        assertEquals("CAPTURED", buy(body(business, "research_agent", LLM, "A goes on"), a).json().getString("status"),
                "B's revocation is B's alone");
    }

    @Test
    void spendAndItsDeliveriesAreEachTenantsOwn() {
        String business = Payments.business();
        buy(body(business, "research_agent", LLM, "B's completion"), b);
        buy(body(business, "research_agent", LLM, "B's second completion"), b);
        buy(body(business, "research_agent", LLM, "A's completion"), a);

        assertEquals(0, new BigDecimal("0.25").compareTo(spend(business, a).getJsonNumber("total_spent").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.50").compareTo(spend(business, b).getJsonNumber("total_spent").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.75").compareTo(spend(business, Map.of()).getJsonNumber("total_spent").bigDecimalValue()),
                "an operator's view covers every tenant");
        Problems.of(Api.get("/api/businesses/" + business + "/spend?tenant_id=" + tenantB, a), 403);

        Api.Reply sent = Api.post("/api/businesses/" + business + "/spend/notifications", "{\"webhook_url\":\"http://127.0.0.1:9/spend\"}", b);
        assertEquals(202, sent.status(), sent.body());
        String status = "/api/businesses/" + business + "/spend/notifications/" + sent.json().getString("delivery_id");
        assertEquals(200, Api.get(status, b).status());
        Problems.of(Api.get(status, a), 404);
    }

    @Test
    void anotherTenantsSpendDoesNotConsumeTheAgentsBudget() {
        String agent = "seo_agent";
        long before = Api.get("/api/budgets/" + agent).json().getJsonNumber("daily_limit_cents").longValue();
        assertEquals(200, Api.put("/api/budgets/" + agent, "{\"daily_limit_cents\":50,\"updated_by\":\"not me\"}").status());
        try {
            String business = Payments.business();
            assertEquals("CAPTURED", buy(body(business, agent, LLM, "B one"), b).json().getString("status"));
            assertEquals("CAPTURED", buy(body(business, agent, LLM, "B two"), b).json().getString("status"));
            JsonObject overB = buy(body(business, agent, LLM, "B three"), b).json();
            assertEquals("AGENT_DAILY_BUDGET_EXCEEDED", overB.getString("error_code"), overB.toString());

            JsonObject budgetA = Api.get("/api/budgets/" + agent, a).json();
            assertEquals(tenantA, budgetA.getString("tenant_id"));
            assertEquals(0, budgetA.getJsonNumber("committed_today_cents").longValue(), "B's spend is not A's");
            assertEquals(50, budgetA.getJsonNumber("remaining_today_cents").longValue());
            assertEquals("it-user", budgetA.getString("updated_by"), "set by the operator's token subject, not the body");
            assertEquals(50, Api.get("/api/budgets/" + agent, b).json().getJsonNumber("committed_today_cents").longValue());
            assertEquals(50, Api.get("/api/budgets/" + agent + "?tenant_id=" + tenantB).json()
                    .getJsonNumber("committed_today_cents").longValue(), "an operator reads any tenant's");
            Problems.of(Api.get("/api/budgets/" + agent + "?tenant_id=" + tenantB, a), 403);
            assertTrue(list("/api/budgets", a).stream().allMatch(budget -> tenantA.equals(budget.asJsonObject().getString("tenant_id"))));

            assertEquals("CAPTURED", buy(body(business, agent, LLM, "A one"), a).json().getString("status"),
                    "B exhausting its budget leaves A's whole");
        } finally {
            Api.put("/api/budgets/" + agent, "{\"daily_limit_cents\":" + before + "}");
        }
    }

    @Test
    void aPurchaseInsideATaskBelongsToTheTasksTenantAndItsBudget() throws SQLException {
        String business = Payments.business();
        String taskId = Tasks.publish("{\"topic\":\"genesis.research\",\"business_id\":\"" + business + "\",\"content\":{\"purchase\":"
                + "{\"vendor_url\":\"" + LLM + "\",\"purpose\":\"A's task buys\",\"body\":{\"q\":\"" + business + "\"}}}}", a);
        JsonObject done = Tasks.awaitStatus(taskId, "completed", Duration.ofSeconds(60));
        String paymentId = done.getJsonObject("result").getJsonArray("x402.payment.receipts").getJsonObject(0).getString("payment_id");
        assertEquals(tenantA, Payments.row(paymentId).get("tenant_id"));
        assertEquals(200, Api.get("/api/payments/" + paymentId, a).status());
        Problems.of(Api.get("/api/payments/" + paymentId, b), 404);
        assertEquals(1, Payments.count("SELECT count(*) FROM spend_reservations WHERE payment_id = ? AND tenant_id = '" + tenantA + "'",
                paymentId), "its budget reservation is A's");
        assertEquals(25, Api.get("/api/budgets/research_agent", a).json().getJsonNumber("committed_today_cents").longValue());
        assertEquals(0, Api.get("/api/budgets/research_agent", b).json().getJsonNumber("committed_today_cents").longValue());
    }

    private static String body(String business, String agent, String url, String purpose) {
        return Payments.body(business, agent, url, purpose, "ONE_SHOT", "{\"n\":\"" + UUID.randomUUID() + "\"}");
    }

    private static Api.Reply buy(String json, Map<String, String> token) {
        Api.Reply reply = buy(json, Payments.key(), token);
        assertEquals(201, reply.status(), reply.body());
        return reply;
    }

    private static Api.Reply buy(String json, String key, Map<String, String> token) {
        return Api.post("/api/payments", json, with(token, "Idempotency-Key", key));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static JsonObject spend(String business, Map<String, String> token) {
        Api.Reply reply = Api.get("/api/businesses/" + business + "/spend", token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonArray list(String path, Map<String, String> token) {
        Api.Reply reply = Api.get(path, token);
        assertEquals(200, reply.status(), reply.body());
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray();
        }
    }

    private static List<String> ids(JsonArray array, String field) {
        return array.stream().map(value -> value.asJsonObject().getString(field)).toList();
    }
}
