package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Meta-Agent plans a business's purchases against what is left of the budgets. Two test tenants have tiny budgets
 * of their own (pom.xml: budget-skip-it's deploy_agent has $1.00 a day, budget-wait-it's marketing_agent $1.00,
 * budget-race-it's deploy_agent $35.97): the custom domain ($11.99, optional) is skipped there, the stock media of the
 * launch marketing ($3.00, required) makes the business wait until the tenant's budget is raised through the API, and
 * concurrent businesses never plan more than the budget holds. A real denial (a revoked mandate) still fails.
 */
class BudgetPlanningIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    private static Map<String, String> as(String tenant) {
        return Api.bearer(DevTokens.mint("it-budget", tenant, List.of("tenant", "approver", "operator"), 3600));
    }

    private static JsonObject get(String businessId, Map<String, String> headers) {
        Api.Reply reply = Api.get("/api/businesses/" + businessId, headers);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject awaitStatus(String businessId, Map<String, String> headers, String... statuses) {
        List<String> wanted = List.of(statuses);
        return Await.until("business " + businessId + " in " + wanted, DEADLINE, () -> get(businessId, headers),
                b -> wanted.contains(b.getString("status")));
    }

    private static JsonObject taskOf(JsonObject business, String agent) {
        return business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(t -> agent.equals(t.getString("agent", null))).findFirst().orElseThrow(() -> new AssertionError(
                        "no task of " + agent + " in " + business.getJsonArray("task_results")));
    }

    /**
     * The business stayed one trace across its wait: every result row names the same trace id, the rows of what was
     * published after the wait (the {@code advance} message, the held task) included.
     */
    private static void assertOneTrace(String businessId, String heldTask) {
        Await.until("result row of " + heldTask, DEADLINE, () -> Database.count(
                "SELECT COUNT(*) FROM omnidaemon_task_results WHERE task_id = ?", heldTask), n -> n == 1);
        assertEquals(1, Database.count("SELECT COUNT(DISTINCT substr(traceparent, 4, 32)) FROM omnidaemon_task_results"
                + " WHERE business_id = ?", businessId), "one trace id over the business's rows, before and after the wait");
    }

    @Test
    void anOptionalPurchaseOverBudgetIsSkippedWithItsReasonAndTheBusinessSucceeds() {
        Map<String, String> tenant = as("budget-skip-it");
        String id = Businesses.create("{\"business_type\":\"saas_tool\"}", tenant);
        JsonObject business = awaitStatus(id, tenant, "SUCCESS", "FAILED", "BLOCKED", "WAITING_FOR_BUDGET");
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));

        JsonObject skipped = taskOf(business, "deploy_agent").getJsonObject("purchase_skipped");
        assertEquals("domains", skipped.getString("vendor"));
        assertEquals(1199, skipped.getInt("amount_cents"));
        assertTrue(skipped.getString("reason").contains("deploy_agent's daily budget in tenant budget-skip-it has $1.00 left of $1.00"),
                skipped.getString("reason"));
        assertTrue(taskOf(business, "builder_agent").get("purchase_skipped") == null, "the premium model call was covered");

        JsonObject spend = Api.get("/api/businesses/" + id + "/spend", tenant).json();
        assertEquals(1, spend.getJsonArray("skipped_purchases").size(), spend.toString());
        JsonObject inSummary = spend.getJsonArray("skipped_purchases").getJsonObject(0);
        assertEquals("deploy_agent", inSummary.getString("agent_id"));
        assertEquals("domains", inSummary.getString("vendor_id"));
        assertEquals(1199, inSummary.getInt("amount_cents"));
        assertEquals(skipped.getString("reason"), inSummary.getString("reason"));
        assertFalse(spend.getJsonObject("vendor_breakdown").containsKey("domains"), "no domain was bought: " + spend);

        JsonObject budget = Api.get("/api/budgets/deploy_agent", tenant).json();
        assertEquals("tenant-config", budget.getString("source"));
        assertEquals(0, budget.getInt("committed_today_cents"));
        assertEquals(0, budget.getInt("planned_today_cents"), "nothing stays earmarked after the business ended");
    }

    @Test
    void aRequiredPurchaseOverBudgetWaitsVisiblyAndRaisingTheBudgetResumesItToSuccess() {
        Map<String, String> tenant = as("budget-wait-it");
        String id = Businesses.create("{\"business_type\":\"saas_tool\"}", tenant);
        JsonObject waiting = awaitStatus(id, tenant, "WAITING_FOR_BUDGET", "SUCCESS", "FAILED", "BLOCKED");
        assertEquals("WAITING_FOR_BUDGET", waiting.getString("status"), waiting.toString());
        JsonObject block = waiting.getJsonObject("waiting_for_budget");
        assertEquals("marketing_agent", block.getString("agent"));
        assertEquals("budget-wait-it", block.getString("tenant_id"));
        assertEquals("agent_daily", block.getString("budget"));
        assertEquals("stock-media", block.getString("vendor"));
        assertEquals(300, block.getInt("needed_cents"));
        assertEquals(100, block.getInt("left_cents"));
        assertEquals(100, block.getInt("limit_cents"));
        assertEquals("ready", taskOf(waiting, "marketing_agent").getString("status"), "the marketing task is held, not run");
        assertTrue(waiting.getJsonArray("transitions").stream().map(JsonValue::asJsonObject)
                .anyMatch(t -> "WAITING_FOR_BUDGET".equals(t.getString("state")) && t.getString("reason").contains("stock-media")));
        Await.during(Duration.ofSeconds(2), () -> assertEquals("WAITING_FOR_BUDGET", get(id, tenant).getString("status"),
                "a foreseeable limit never fails the business"));

        Api.Reply raised = Api.put("/api/budgets/marketing_agent", "{\"daily_limit_cents\":1000,\"tenant_only\":true}", tenant);
        assertEquals(200, raised.status(), raised.body());
        assertEquals("api-tenant", raised.json().getString("source"));
        assertEquals(1000, Api.get("/api/budgets/marketing_agent", tenant).json().getInt("daily_limit_cents"));
        assertEquals(300000, Api.get("/api/budgets/marketing_agent").json().getInt("daily_limit_cents"),
                "a tenant's own limit leaves the other tenants' as they were");

        JsonObject done = awaitStatus(id, tenant, "SUCCESS", "FAILED", "BLOCKED");
        assertEquals("SUCCESS", done.getString("status"), String.valueOf(done.get("error_message")));
        assertFalse(done.containsKey("waiting_for_budget"));
        assertEquals("stock-media", done.getJsonObject("metadata").getJsonObject("last_budget_wait").getString("vendor"));
        assertEquals(300, Api.get("/api/budgets/marketing_agent", tenant).json().getInt("committed_today_cents"));
        assertEquals(0, Api.get("/api/businesses/" + id + "/spend", tenant).json().getJsonArray("skipped_purchases").size());
        assertOneTrace(id, taskOf(done, "marketing_agent").getString("runtime_task_id"));

        assertEquals("tenant_only", Problems.of(Api.put("/api/budgets/marketing_agent",
                "{\"daily_limit_cents\":1000,\"tenant_only\":\"yes\"}", tenant), 400).getString("field"));
    }

    @Test
    void anApproverLetsAWaitingBusinessGoOnWithoutThePurchaseAndItSucceeds() {
        Map<String, String> tenant = as("budget-approve-it");
        Map<String, String> approver = Api.bearer(DevTokens.mint("it-approver", "budget-approve-it", List.of("approver"), 3600));
        String id = Businesses.create("{\"business_type\":\"saas_tool\"}", tenant);
        JsonObject waiting = awaitStatus(id, tenant, "WAITING_FOR_BUDGET", "SUCCESS", "FAILED", "BLOCKED");
        assertEquals("WAITING_FOR_BUDGET", waiting.getString("status"), waiting.toString());
        String task = waiting.getJsonObject("waiting_for_budget").getString("task_id");
        assertEquals(task, taskOf(waiting, "marketing_agent").getString("task_id"));

        JsonObject kept = Problems.of(Api.post("/api/businesses/" + id + "/approvals/" + task,
                "{\"decision\":\"reject\"}", approver), 409);
        assertTrue(kept.getString("detail").contains("keeps waiting for budget"), kept.toString());
        assertEquals("WAITING_FOR_BUDGET", get(id, tenant).getString("status"), "a rejection leaves it waiting");

        Api.Reply approved = Api.post("/api/businesses/" + id + "/approvals/" + task,
                "{\"decision\":\"approve\",\"comment\":\"launch without stock photos\"}", approver);
        assertEquals(200, approved.status(), approved.body());
        JsonObject done = awaitStatus(id, tenant, "SUCCESS", "FAILED", "BLOCKED");
        assertEquals("SUCCESS", done.getString("status"), String.valueOf(done.get("error_message")));
        assertTrue(done.getJsonArray("transitions").stream().map(JsonValue::asJsonObject)
                .anyMatch(t -> "WAITING_FOR_BUDGET".equals(t.getString("state"))), "it did wait");
        assertOneTrace(id, taskOf(done, "marketing_agent").getString("runtime_task_id"));
        JsonObject skipped = taskOf(done, "marketing_agent").getJsonObject("purchase_skipped");
        assertEquals("stock-media", skipped.getString("vendor"));
        assertTrue(skipped.getString("reason").contains("waived by it-approver while the business waited for budget: "
                + "launch without stock photos"), skipped.getString("reason"));
        JsonObject spend = Api.get("/api/businesses/" + id + "/spend", tenant).json();
        assertEquals("stock-media", spend.getJsonArray("skipped_purchases").getJsonObject(0).getString("vendor_id"), spend.toString());
        assertEquals(100, Api.get("/api/budgets/marketing_agent", tenant).json().getInt("daily_limit_cents"),
                "the budget itself was not raised");
        assertEquals(0, Api.get("/api/budgets/marketing_agent", tenant).json().getInt("committed_today_cents"));
        assertEquals(409, Api.post("/api/businesses/" + id + "/approvals/" + task, "{\"decision\":\"approve\"}", approver).status(),
                "nothing waits any more");
    }

    @Test
    void concurrentBusinessesNeverPlanMoreThanTheBudgetHolds() {
        Map<String, String> tenant = as("budget-race-it");
        List<String> ids = java.util.stream.IntStream.range(0, 8).parallel()
                .mapToObj(i -> Businesses.create("{\"business_type\":\"saas_tool\"}", tenant)).toList();
        List<JsonObject> done = ids.stream().map(id -> awaitStatus(id, tenant, "SUCCESS", "FAILED", "BLOCKED")).toList();
        done.forEach(b -> assertEquals("SUCCESS", b.getString("status"), String.valueOf(b.get("error_message"))));
        long skipped = done.stream().filter(b -> taskOf(b, "deploy_agent").get("purchase_skipped") != null).count();
        assertEquals(5, skipped, "deploy_agent's $35.97 covers three $11.99 domains of the eight businesses, whatever their order");
        JsonObject budget = Api.get("/api/budgets/deploy_agent", tenant).json();
        assertEquals(3597, budget.getInt("committed_today_cents"));
        assertEquals(0, budget.getInt("remaining_today_cents"));
    }

    @Test
    void aRealDenialStillFailsTheBusiness() {
        Map<String, String> tenant = as("budget-deny-it");
        // the builder's work takes a few seconds, so the deploy (which depends on it) buys after the revocation below
        String id = Businesses.create("{\"business_type\":\"saas_tool\",\"requirements\":{\"simulate\":"
                + "{\"builder_agent\":{\"latency_ms\":3000}}}}", tenant);
        Api.Reply bought = Api.post("/api/payments", Payments.body(id, "deploy_agent", Payments.VENDORS + "gpu-runs/v1/runs",
                "smoke run before the deploy"), Map.of("Idempotency-Key", Payments.key(), "Authorization", tenant.get("Authorization")));
        assertEquals(201, bought.status(), bought.body());
        String mandate = bought.json().getString("mandate_id");
        JsonObject open = Api.get("/api/payments/mandates/" + mandate, tenant).json();
        String openId = open.containsKey("parent_mandate_id") ? open.getString("parent_mandate_id") : mandate;
        Api.Reply revoked = Api.post("/api/payments/mandates/" + openId + "/revoke", "{\"reason\":\"deploy purchases stopped\"}", tenant);
        assertEquals(200, revoked.status(), revoked.body());

        JsonObject business = awaitStatus(id, tenant, "SUCCESS", "FAILED", "BLOCKED");
        assertEquals("FAILED", business.getString("status"), business.toString());
        assertTrue(business.getString("error_message").contains("MANDATE_INVALID"), business.getString("error_message"));
        assertTrue(business.getJsonArray("transitions").stream().map(JsonValue::asJsonObject)
                .noneMatch(t -> "WAITING_FOR_BUDGET".equals(t.getString("state"))), "a denial is not a budget wait");
    }
}
