package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Purchases end to end on the real server: the simulated x402 vendors answer 402, the approval policy decides, the
 * simulated facilitator verifies and settles on its chain, and PostgreSQL holds the ledger.
 */
class PaymentsIT {

    private static final String LLM = Payments.VENDORS + "llm-premium/v1/complete";
    private static final String GPU = Payments.VENDORS + "gpu-runs/v1/runs";

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void anAutoApprovedPurchaseIsCapturedWithItsTxHashAndTheWireObjectsVerbatim() throws SQLException {
        String business = Payments.business();
        JsonObject payment = Payments.buy(Payments.body(business, "research_agent", LLM, "premium completion for the spec"));
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        assertEquals("payment-completed", payment.getString("x402_status"));
        assertTrue(payment.getString("tx_hash").matches("0x[0-9a-f]{64}"), payment.getString("tx_hash"));
        assertEquals(0, new BigDecimal("25").compareTo(payment.getJsonNumber("cost_cents").bigDecimalValue()));
        assertTrue(payment.getJsonObject("settle_response").getBoolean("success"));
        assertTrue(payment.getBoolean("simulated"));
        assertEquals(List.of("REQUESTED", "APPROVED", "CAPTURING", "CAPTURED"), payment.getJsonArray("events").stream()
                .map(e -> e.asJsonObject().getString("to_status")).toList());
        JsonObject decision = payment.getJsonArray("decisions").getJsonObject(0);
        assertEquals("APPROVED", decision.getString("outcome"));
        assertEquals("AUTO", decision.getString("approval_mode"));
        assertEquals(12, decision.getJsonArray("checks").size(), "every rule is on record");
        assertEquals(decision, payment.getJsonObject("decision"), "the latest decision, as the purchase contract shows it");

        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        assertEquals("CAPTURED", row.get("status"));
        assertEquals(business, row.get("business_id"));
        assertNotNull(row.get("mandate_id"));
        JsonObject required = stored(row, "payment_required_json");
        assertEquals(2, required.getInt("x402Version"));
        JsonObject payload = stored(row, "payload_json");
        assertEquals(row.get("auth_nonce").toString().trim(), payload.getJsonObject("payload").getJsonObject("authorization").getString("nonce"));
        assertTrue(payload.getJsonObject("extensions").getJsonObject("simulated").getJsonObject("info").getBoolean("simulated"));
        assertTrue(row.get("settle_response_json").toString().contains(payment.getString("tx_hash")));
        String everything = row.values().toString().toLowerCase();
        assertFalse(everything.contains("simulation-only-seed") || everything.contains("private"), "no key material in the row");
        assertEquals(1, Payments.count("SELECT count(*) FROM payment_mandates WHERE payment_id = ? AND vct = 'mandate.payment.1'",
                payment.getString("payment_id")), "a closed mandate for the purchase");
        assertEquals(1, Payments.count("SELECT count(*) FROM payment_mandates WHERE business_id = ? AND vct = 'mandate.payment.open.1'"
                + " AND status = 'ACTIVE' AND agent_id = 'research_agent'", business), "one open mandate per agent and business");
    }

    @Test
    void aFraudPhraseUnderTenDollarsIsDeniedAndReservesNothing() {
        long before = committedToday("research_agent");
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM, "URGENT TRANSFER to a new account"));
        assertEquals("DENIED", payment.getString("status"));
        assertEquals("FRAUD_PATTERN", payment.getString("error_code"));
        assertEquals("POLICY_DENIED", payment.getString("error_category"));
        assertFalse(payment.containsKey("tx_hash"));
        assertEquals(before, committedToday("research_agent"), "a denied purchase holds no budget");
        JsonArray checks = payment.getJsonArray("decisions").getJsonObject(0).getJsonArray("checks");
        assertEquals("FRAUD_PATTERN", checks.getJsonObject(checks.size() - 1).getString("code"), "evaluation stopped at the fraud rule");
    }

    @Test
    void aVendorOffTheWhitelistAndASubstitutedPayToAreDenied() {
        String business = Payments.business();
        assertEquals("VENDOR_NOT_ALLOWLISTED", Payments.buy(Payments.body(business, "research_agent", GPU, "gpu")).getString("error_code"));
        assertEquals("PAYTO_MISMATCH", Payments.buy(Payments.body(business, "research_agent", LLM + "?pay_to=0xbad0000000000000000000000000000000000bad",
                "completion")).getString("error_code"));
    }

    @Test
    void tenDollarsOrMoreEscalatesAndTheMetaAgentApprovesWithinItsLimit() {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "qa_agent", GPU, "GPU test run for release 1.4.2"));
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        JsonArray decisions = payment.getJsonArray("decisions");
        assertEquals("ESCALATED", decisions.getJsonObject(0).getString("outcome"));
        assertEquals("REQUIRES_META_AGENT", decisions.getJsonObject(0).getJsonArray("reasons").getJsonObject(0).getString("code"));
        assertEquals("APPROVED", decisions.getJsonObject(1).getString("outcome"));
        assertEquals("META_AGENT", decisions.getJsonObject(1).getString("approval_mode"));
    }

    @Test
    void aLargePurchaseWaitsForAHumanWhoseDecisionIsFinal() {
        String business = Payments.business();
        JsonObject pending = Payments.buy(Payments.body(business, "builder_agent", GPU + "?quote_cents=6000", "load test fleet"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        String id = pending.getString("payment_id");
        Problems.of(Api.post("/api/payments/" + id + "/decision", "{\"decision\":\"maybe\",\"decided_by\":\"ops\"}"), 400);
        Api.Reply approved = Api.post("/api/payments/" + id + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\",\"rationale\":\"release gate\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("CAPTURED", approved.json().getString("status"));
        JsonObject human = approved.json().getJsonArray("decisions").getJsonObject(1);
        assertEquals("HUMAN", human.getString("approval_mode"));
        assertEquals("it-user", human.getString("decided_by"), "the subject of the approver's token, never the body's decided_by");
        Api.Reply repeated = Api.post("/api/payments/" + id + "/decision", "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\"}");
        assertEquals("true", repeated.header("Idempotent-Replayed"), "a retried decision is not a conflict");
        assertEquals(2, repeated.json().getJsonArray("decisions").size(), "and is not recorded twice");
                Problems.of(Api.post("/api/payments/" + id + "/decision", "{\"decision\":\"deny\",\"decided_by\":\"bob\"}"), 409);

        String other = Payments.buy(Payments.body(business, "builder_agent", GPU + "?quote_cents=7000", "second fleet")).getString("payment_id");
        Api.Reply denied = Api.post("/api/payments/" + other + "/decision", "{\"decision\":\"deny\",\"decided_by\":\"alice@ops\"}");
        assertEquals("DENIED", denied.json().getString("status"));
        assertEquals("HUMAN_DENIED", denied.json().getString("error_code"));
    }

    @Test
    void idempotentRetriesReplayTheSamePaymentAndAnotherRequestConflicts() throws SQLException {
        String business = Payments.business();
        String key = Payments.key();
        String body = Payments.body(business, "content_agent", LLM, "draft polish");
        Api.Reply first = Payments.post(body, key);
        Api.Reply again = Payments.post(body, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("payment_id"), again.json().getString("payment_id"));
        assertEquals(first.json().getString("tx_hash"), again.json().getString("tx_hash"));
        assertEquals(1, Payments.count("SELECT count(*) FROM x402_payments WHERE idempotency_key = ?", key));
        assertEquals(1, Payments.count("SELECT count(*) FROM x402_payments WHERE business_id = ?", business), "paid once");
        JsonObject conflict = Problems.of(Payments.post(Payments.body(business, "content_agent", LLM, "another purpose"), key), 409);
        assertEquals(first.json().getString("payment_id"), conflict.getString("payment_id"));
    }

    @Test
    void theIssuesFieldNamesReasonAndAmountCentsAreAcceptedAndTheAnswerCarriesTheDecision() {
        String business = Payments.business();
        String json = "{\"business_id\":\"" + business + "\",\"agent_id\":\"research_agent\",\"vendor_url\":\"" + LLM
                + "\",\"amount_cents\":25,\"reason\":\"premium completion\",\"mode\":\"ONE_SHOT\"}";
        JsonObject payment = Payments.buy(json);
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        assertEquals("premium completion", payment.getString("purpose"));
        JsonObject decision = payment.getJsonObject("decision");
        assertEquals("APPROVED", decision.getString("outcome"));
        assertEquals("AUTO", decision.getString("approval_mode"));
        assertEquals("AUTO_APPROVE_UNDER_THRESHOLD", decision.getJsonArray("reasons").getJsonObject(0).getString("code"));

        JsonObject tooSmall = Payments.buy(json.replace("\"amount_cents\":25", "\"amount_cents\":10"));
        assertEquals("DENIED", tooSmall.getString("status"), "the vendor's 25 cents are more than the 10 the agent would pay");
        assertEquals("DENIED", tooSmall.getJsonObject("decision").getString("outcome"));
        assertEquals("AMOUNT_OVER_TX_LIMIT", tooSmall.getJsonObject("decision").getJsonArray("reasons").getJsonObject(0).getString("code"));

        assertEquals("amount_cents", Problems.of(Payments.post(json.replace("\"amount_cents\":25", "\"amount_cents\":-1"),
                Payments.key()), 422).getString("field"));
        assertEquals("purpose", Problems.of(Payments.post(json.replace("\"reason\"", "\"purpose\":\"other\",\"reason\""),
                Payments.key()), 400).getString("field"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws SQLException {
        String business = Payments.business();
        assertEquals("Idempotency-Key", Problems.of(Payments.post(Payments.body(business, "research_agent", LLM, "x"), null), 400)
                .getString("field"));
        String valid = Payments.body(business, "research_agent", LLM, "x");
        assertEquals("max_amount_cents", Problems.of(Payments.post(valid.replace("\"purpose\"", "\"max_amount_cents\":-5,\"purpose\""),
                Payments.key()), 422).getString("field"));
        assertEquals("max_amount_cents", Problems.of(Payments.post(valid.replace("\"purpose\"",
                "\"max_amount_cents\":900000000000,\"purpose\""), Payments.key()), 422).getString("field"));
        assertEquals("max_amount_cents", Problems.of(Payments.post(valid.replace("\"purpose\"", "\"max_amount_cents\":\"lots\",\"purpose\""),
                Payments.key()), 400).getString("field"));
        assertEquals("agent_id", Problems.of(Payments.post(Payments.body(business, "ghost_agent", LLM, "x"), Payments.key()), 422)
                .getString("field"));
        assertEquals("vendor_url", Problems.of(Payments.post(Payments.body(business, "research_agent", "ht!tp:/nope", "x"),
                Payments.key()), 400).getString("field"));
        assertEquals("vendor_url", Problems.of(Payments.post(Payments.body(business, "research_agent", "/relative/path", "x"),
                Payments.key()), 400).getString("field"));
        assertEquals("vendor_url", Problems.of(Payments.post(Payments.body(business, "research_agent",
                "http://127.0.0.1:9/not-a-vendor", "x"), Payments.key()), 422).getString("field"), "unknown hosts are never contacted");
        assertEquals("business_id", Problems.of(Payments.post(valid.replace(business, ""), Payments.key()), 400).getString("field"));
        assertEquals("colour", Problems.of(Payments.post(valid.replace("\"purpose\"", "\"colour\":\"red\",\"purpose\""),
                Payments.key()), 400).getString("field"), "a member the request does not have is refused, not ignored");
        assertEquals("body", Problems.of(Payments.post("", Payments.key()), 400).getString("field"));
        assertEquals(0, Payments.count("SELECT count(*) FROM x402_payments WHERE business_id = ?", business));
        assertEquals(0, Payments.count("SELECT count(*) FROM payment_mandates WHERE business_id = ?", business));
    }

    @Test
    void concurrentPurchasesAgainstOneBudgetNeverOverspend() throws Exception {
        String agent = "finance_agent";
        long limit = committedToday(agent) + 1000;
        Api.Reply set = Api.put("/api/budgets/" + agent, "{\"daily_limit_cents\":" + limit + ",\"updated_by\":\"it\"}");
        assertEquals(200, set.status(), set.body());
        String business = Payments.business();
        List<Callable<JsonObject>> purchases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = Payments.body(business, agent, LLM + "?quote_cents=100", "market data " + i);
            purchases.add(() -> Payments.buy(body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<JsonObject> results = new ArrayList<>();
        try {
            for (Future<JsonObject> result : pool.invokeAll(purchases)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long captured = results.stream().filter(p -> p.getString("status").equals("CAPTURED")).count();
        long overBudget = results.stream().filter(p -> "AGENT_DAILY_BUDGET_EXCEEDED".equals(p.getString("error_code", ""))).count();
        assertEquals(10, captured, results.toString());
        assertEquals(10, overBudget, results.toString());
        assertEquals(limit, committedToday(agent), "exactly the budget is committed, never more");
        try (Connection db = Database.connect(); PreparedStatement sum = db.prepareStatement(
                "SELECT SUM(cost_cents) FROM x402_payments WHERE business_id = ?")) {
            sum.setString(1, business);
            try (ResultSet rows = sum.executeQuery()) {
                rows.next();
                assertEquals(0, new BigDecimal("1000").compareTo(rows.getBigDecimal(1)));
            }
        }
    }

    @Test
    void theFacilitatorRejectsAReusedNonceAndTamperedPayloads() throws SQLException {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM, "one completion"));
        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        JsonObject payload = stored(row, "payload_json");
        JsonObject requirements = stored(row, "requirements_json");
        String request = Json.createObjectBuilder().add("x402Version", 2).add("paymentPayload", payload)
                .add("paymentRequirements", requirements).build().toString();
        JsonObject verify = Api.post(Payments.FACILITATOR + "/verify", request).json();
        assertFalse(verify.getBoolean("isValid"));
        assertEquals("invalid_exact_evm_nonce_already_used", verify.getString("invalidReason"));
        JsonObject settle = Api.post(Payments.FACILITATOR + "/settle", request).json();
        assertFalse(settle.getBoolean("success"));
        assertEquals("invalid_exact_evm_nonce_already_used", settle.getString("errorReason"));
        assertEquals("", settle.getString("transaction"));

        JsonObject authorization = payload.getJsonObject("payload").getJsonObject("authorization");
        JsonObject forged = Json.createObjectBuilder(payload).add("payload", Json.createObjectBuilder(payload.getJsonObject("payload"))
                .add("authorization", Json.createObjectBuilder(authorization).add("nonce", "0x" + "ab".repeat(32)))).build();
        JsonObject tampered = Api.post(Payments.FACILITATOR + "/verify", Json.createObjectBuilder().add("x402Version", 2)
                .add("paymentPayload", forged).add("paymentRequirements", requirements).build().toString()).json();
        assertEquals("invalid_exact_evm_payload_signature", tampered.getString("invalidReason"));
        assertEquals("invalid_x402_version", Api.post(Payments.FACILITATOR + "/verify", "{\"x402Version\":3}").json()
                .getString("invalidReason"));
        JsonObject supported = Api.get(Payments.FACILITATOR + "/supported").json();
        assertEquals("exact", supported.getJsonArray("kinds").getJsonObject(0).getString("scheme"));
        assertEquals(2, supported.getJsonArray("kinds").getJsonObject(0).getInt("x402Version"));
    }

    @Test
    void theFacilitatorNamesPayToAmountExpiryAndFundsFailures() throws SQLException {
        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "research_agent", LLM, "one more completion"));
        Map<String, Object> row = Payments.row(payment.getString("payment_id"));
        JsonObject payload = stored(row, "payload_json");
        JsonObject requirements = stored(row, "requirements_json");
        JsonObject authorization = payload.getJsonObject("payload").getJsonObject("authorization");
        String otherAddress = "0x" + "12".repeat(20);

        assertEquals("invalid_exact_evm_payload_recipient_mismatch", verify(withAuthorization(payload,
                Json.createObjectBuilder(authorization).add("to", otherAddress).build()), requirements));
        assertEquals("invalid_exact_evm_payload_authorization_value_mismatch", verify(withAuthorization(payload,
                Json.createObjectBuilder(authorization).add("value", "1").build()), requirements));
        assertEquals("invalid_exact_evm_payload_authorization_valid_before", verify(withAuthorization(payload,
                Json.createObjectBuilder(authorization).add("validBefore", String.valueOf(java.time.Instant.now().getEpochSecond() - 60))
                        .build()), requirements));

        // a correctly signed authorization for more than the simulated wallet holds ($1,000,000 by default); the seed of the
        // simulated wallets is the public, worthless default of microprofile-config.properties
        java.math.BigInteger tooMuch = new java.math.BigInteger("2000000000000");
        io.genesis.payments.sim.SimulatedWallets wallets = new io.genesis.payments.sim.SimulatedWallets("simulation-only-seed-of-worthless-wallets");
        long now = java.time.Instant.now().getEpochSecond();
        io.genesis.payments.x402.Authorization big = new io.genesis.payments.x402.Authorization(wallets.address("research_agent"),
                requirements.getString("payTo"), tooMuch, now - 600, now + 600, "0x" + "cd".repeat(32));
        String signature = wallets.sign("research_agent", big, requirements.getString("network"), requirements.getString("asset"),
                requirements.getJsonObject("extra").getString("name"), requirements.getJsonObject("extra").getString("version"));
        JsonObject bigRequirements = Json.createObjectBuilder(requirements).add("amount", tooMuch.toString()).build();
        JsonObject bigPayload = Json.createObjectBuilder(payload).add("accepted", bigRequirements)
                .add("payload", Json.createObjectBuilder().add("signature", signature).add("authorization", big.toJson())).build();
        assertEquals("insufficient_funds", verify(bigPayload, bigRequirements));
    }

    /** A jsonb column of a payment row (a stored wire object) as JSON. */
    private static JsonObject stored(Map<String, Object> row, String column) {
        try (var reader = Json.createReader(new java.io.StringReader(row.get(column).toString()))) {
            return reader.readObject();
        }
    }

    private static JsonObject withAuthorization(JsonObject payload, JsonObject authorization) {
        return Json.createObjectBuilder(payload).add("payload", Json.createObjectBuilder(payload.getJsonObject("payload"))
                .add("authorization", authorization)).build();
    }

    private static String verify(JsonObject payload, JsonObject requirements) {
        JsonObject answer = Api.post(Payments.FACILITATOR + "/verify", Json.createObjectBuilder().add("x402Version", 2)
                .add("paymentPayload", payload).add("paymentRequirements", requirements).build().toString()).json();
        assertFalse(answer.getBoolean("isValid"), answer.toString());
        return answer.getString("invalidReason");
    }

    @Test
    void aVendorAnswers402WithThePaymentRequiredHeader() {
        Api.Reply reply = Api.get("/sim/x402/vendors/gpu-runs/v1/runs");
        assertEquals(402, reply.status());
        String header = reply.header("PAYMENT-REQUIRED");
        JsonObject required = Json.createReader(new java.io.StringReader(new String(java.util.Base64.getDecoder().decode(header),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        JsonObject accepts = required.getJsonArray("accepts").getJsonObject(0);
        assertEquals("12500000", accepts.getString("amount"), "$12.50 in USDC atomic units");
        assertEquals("eip155:84532", accepts.getString("network"));
        assertEquals("USDC", accepts.getJsonObject("extra").getString("name"));
    }

    @Test
    void aStagedDeployCapturesVoidsAndRefunds() {
        String business = Payments.business();
        JsonObject authorized = Payments.buy(Payments.body(business, "deploy_agent", GPU, "deploy verification run", "STAGED", "{\"release\":1}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        assertTrue(authorized.getJsonObject("verify_response").getBoolean("isValid"));
        assertFalse(authorized.containsKey("tx_hash"), "nothing settled before the capture");
        JsonObject captured = Api.post("/api/payments/" + authorized.getString("payment_id") + "/capture", "{\"actor\":\"deploy_agent\"}").json();
        assertEquals("CAPTURED", captured.getString("status"), captured.toString());
        assertTrue(captured.getString("tx_hash").startsWith("0x"));
        Api.Reply again = Api.post("/api/payments/" + authorized.getString("payment_id") + "/capture", "");
        assertEquals("true", again.header("Idempotent-Replayed"), "capturing twice changes nothing");

        long before = committedToday("deploy_agent");
        JsonObject failedDeploy = Payments.buy(Payments.body(business, "deploy_agent", GPU, "deploy 2", "STAGED", "{\"release\":2}"));
        assertEquals("AUTHORIZED", failedDeploy.getString("status"));
        assertEquals(before + 1250, committedToday("deploy_agent"), "authorized cents are reserved");
        JsonObject voided = Api.post("/api/payments/" + failedDeploy.getString("payment_id") + "/void", "{\"reason\":\"deploy failed\"}").json();
        assertEquals("VOIDED", voided.getString("status"));
        assertEquals(before, committedToday("deploy_agent"), "a void gives the reservation back");
        Problems.of(Api.post("/api/payments/" + failedDeploy.getString("payment_id") + "/capture", ""), 409);

        String charge = captured.getString("payment_id");
        Problems.of(Api.post("/api/payments/" + charge + "/refund", "{\"reason\":\"smoke test failed after capture\"}"), 400);
        String refundKey = Payments.key();
        Api.Reply refund = Api.post("/api/payments/" + charge + "/refund", "{\"reason\":\"smoke test failed after capture\"}",
                Map.of("Idempotency-Key", refundKey));
        assertEquals(201, refund.status(), refund.body());
        assertEquals("REFUND", refund.json().getString("kind"));
        assertEquals("REFUNDED", refund.json().getString("status"));
        assertTrue(refund.json().getString("tx_hash").startsWith("0x"));
        assertEquals(charge, refund.json().getString("parent_payment_id"));
        JsonObject refunded = Payments.get(charge);
        assertEquals("REFUNDED", refunded.getString("status"));
        assertEquals(0, BigDecimal.ZERO.compareTo(refunded.getJsonNumber("cost_cents").bigDecimalValue()), "nothing spent any more");
        assertEquals(0, new BigDecimal("1250").compareTo(refunded.getJsonNumber("refunded_cents").bigDecimalValue()));
        Api.Reply replayed = Api.post("/api/payments/" + charge + "/refund", "{}", Map.of("Idempotency-Key", refundKey));
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        Problems.of(Api.post("/api/payments/" + charge + "/refund", "{}", Map.of("Idempotency-Key", Payments.key())), 409);
    }

    @Test
    void anUncapturedAuthorizationExpiresAndGivesItsBudgetBack() {
        long before = committedToday("security_agent");
        JsonObject authorized = Payments.buy(Payments.body(Payments.business(), "security_agent", LLM + "?timeout_seconds=8",
                "scan with a short-lived hold", "STAGED", "{\"scan\":1}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        assertEquals(before + 25, committedToday("security_agent"));
        String id = authorized.getString("payment_id");
        JsonObject expired = Await.until("the authorization to expire", java.time.Duration.ofSeconds(40), () -> Payments.get(id),
                p -> p.getString("status").equals("EXPIRED"));
        assertEquals("payment_expired", expired.getString("error_code"));
        assertEquals(before, committedToday("security_agent"), "an expired hold gives the budget back");
        Problems.of(Api.post("/api/payments/" + id + "/capture", ""), 409);
    }

    @Test
    void theSeedVendorQueryRunsVerbatimOnRealPurchases() throws Exception {
        String business = Payments.business();
        String url = Payments.VENDORS + "stock-media/it-" + UUID.randomUUID() + "/hero.jpg";
        Payments.buy(Payments.body(business, "marketing_agent", url + "?quote_cents=4000", "hero image"));
        Payments.buy(Payments.body(business, "marketing_agent", url + "?quote_cents=4000", "hero image, second size"));
        Payments.buy(Payments.body(business, "marketing_agent", url + "?quote_cents=4000", "wire request for images"));
        String query = java.nio.file.Files.readString(java.nio.file.Path.of("sql/seed-queries.sql")).split(";")[1]
                .lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
        try (Connection db = Database.connect(); ResultSet rows = db.createStatement().executeQuery(query)) {
            boolean found = false;
            while (rows.next()) {
                if (rows.getString("vendor_url").equals(url + "?quote_cents=4000")) {
                    found = true;
                    assertEquals(3, rows.getLong("api_calls"), "every attempt is a row");
                    assertEquals(0, new BigDecimal("80").compareTo(rows.getBigDecimal("total_spent")), "the denied attempt cost nothing");
                }
            }
            assertTrue(found, "vendor among the top 10");
        }
    }

    static long committedToday(String agent) {
        Api.Reply budget = Api.get("/api/budgets/" + agent);
        assertEquals(200, budget.status(), budget.body());
        return budget.json().getJsonNumber("committed_today_cents").longValue();
    }
}
