package io.genesis.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every agent on a model: the IT server points genesis.llm.base-url at {@link FakeModel} in this JVM and lets only the
 * tenants llm-it and llm-garbage-it use it (pom.xml), with test models and prices. A business of llm-it runs SUCCESS with
 * every result from the model through 429, 500, timeout, invalid, malformed and refused answers (tasks that buy the
 * llm-premium vendor over x402 on the premium model, the others by their DAAO tier); one whose model
 * answers only garbage fails after the runtime's retries with the reason; another tenant's business never reaches the
 * model.
 */
class LlmAgentsIT {

    private static final Set<String> PREMIUM_TIERS = Set.of("claude-3.7-sonnet", "gpt-4o", "claude-4-sonnet");
    private static final Map<String, BigDecimal[]> PRICES = Map.of(
            "it-cheap-model", new BigDecimal[]{new BigDecimal("15"), new BigDecimal("60")},
            "it-premium-model", new BigDecimal[]{new BigDecimal("250"), new BigDecimal("1000")});

    private static FakeModel model;

    @BeforeAll
    static void start() throws IOException {
        Await.ready();
        model = new FakeModel(Integer.getInteger("genesis.it.llm.port", 18600));
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    private static Map<String, String> tenant(String tenant) {
        return Api.bearer(DevTokens.mint(tenant + "-user", tenant, List.of("tenant"), 3600));
    }

    @Test
    void aWholeBusinessRunsOnTheModelThroughEveryKindOfBadAnswerWithCostsFromTokenUsage() throws SQLException {
        Map<String, String> llmTenant = tenant("llm-it");
        String id = Businesses.create("""
                {"business_type":"saas_tool","requirements":{"name":"Model Made","description":"Invoices that chase themselves. scenario:chaos"}}""",
                llmTenant);
        JsonObject business = Await.until("business " + id + " terminal", Duration.ofSeconds(240),
                () -> Api.get("/api/businesses/" + id, llmTenant).json(), b -> Businesses.TERMINAL.contains(b.getString("status")));
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        assertEquals("llm", business.getJsonObject("requirements").getString("source"), "the idea came from the model");

        Map<String, JsonObject> results = new HashMap<>();
        Map<String, String> agents = new HashMap<>();
        JsonArray tasks = business.getJsonArray("task_results");
        boolean premiumBought = false;
        for (JsonValue value : tasks) {
            JsonObject task = value.asJsonObject();
            assertEquals("completed", task.getString("status"), task.toString());
            JsonObject result = task.getJsonObject("result");
            String agent = task.getString("agent");
            assertEquals("llm", result.getString("source"), agent + " answered from the model");
            String tier = task.getString("model_tier");
            boolean bought = result.get("x402.payment.receipts") instanceof JsonArray receipts && receipts.stream()
                    .anyMatch(receipt -> receipt.asJsonObject().getString("vendor_url").contains("/vendors/llm-premium/"));
            String expected = bought || PREMIUM_TIERS.contains(tier) ? "it-premium-model" : "it-cheap-model";
            assertEquals(expected, result.getJsonObject("llm").getString("model"), agent + " on tier " + tier);
            assertEquals(bought, result.getJsonObject("llm").getBoolean("premium_bought"), agent + " bought the premium model");
            premiumBought |= bought;
            assertEquals(agent + ".v1", result.getJsonObject("llm").getString("prompt"));
            results.put(task.getString("task_id"), result);
            agents.put(task.getString("task_id"), agent);
        }
        assertTrue(tasks.size() >= 10, "a whole DAG: " + tasks.size());
        assertTrue(premiumBought, "the builder's llm-premium purchase (genesis.businesses.purchases) bought the premium model");
        assertRequestsCarriedTheModelSchemaKeyBriefAndDependencies(id, tasks, results);
        assertEveryDisturbanceWasSurvived(id, agents, results);
        assertCostsAreTokenUsageTimesThePrices(id, tasks);
    }

    private static void assertRequestsCarriedTheModelSchemaKeyBriefAndDependencies(String id, JsonArray tasks,
                                                                                  Map<String, JsonObject> results) {
        List<FakeModel.Seen> seen = model.seen(id);
        assertFalse(seen.isEmpty());
        for (JsonValue value : tasks) {
            JsonObject task = value.asJsonObject();
            String agent = task.getString("agent");
            List<FakeModel.Seen> asked = seen.stream().filter(s -> task.getString("task_id").equals(s.taskId())).toList();
            assertFalse(asked.isEmpty(), "the model was asked for " + task.getString("task_id"));
            for (FakeModel.Seen request : asked) {
                assertTrue(request.keyed(), "Authorization: Bearer <key>");
                assertEquals(agent, request.agent());
                assertEquals(results.get(task.getString("task_id")).getJsonObject("llm").getString("model"), request.model());
                assertEquals(agent + "_artefact_v1", request.schemaName(), "response_format carries the role's schema");
                assertTrue(request.user().contains("- name: Model Made"), "the business");
                assertTrue(request.user().contains("- description: " + task.getString("description")), "the task's brief");
                for (JsonValue dependency : task.getJsonArray("depends_on")) {
                    String dep = ((jakarta.json.JsonString) dependency).getString();
                    assertTrue(request.user().contains("## " + dep + " ("), agent + " sees the result of " + dep);
                    assertTrue(request.user().contains(results.get(dep).getString("summary")), agent + " sees the summary of " + dep);
                }
            }
        }
    }

    private static void assertEveryDisturbanceWasSurvived(String id, Map<String, String> agents, Map<String, JsonObject> results) {
        List<FakeModel.Seen> seen = model.seen(id);
        for (var disturbance : FakeModel.CHAOS.entrySet()) {
            String agent = disturbance.getKey();
            assertTrue(agents.containsValue(agent), agent + " is in the saas_tool DAG: " + agents.values());
            List<FakeModel.Seen> asked = seen.stream().filter(s -> agent.equals(s.agent())).toList();
            assertEquals(disturbance.getValue(), asked.get(0).answeredWith(), agent);
            assertTrue(asked.size() >= 2, agent + " was asked again after " + disturbance.getValue());
            boolean repairRound = Set.of("invalid", "malformed", "refused").contains(disturbance.getValue());
            if (repairRound) {
                assertEquals(4, asked.get(1).messages(), agent + ": the repair round sends the answer and its problems back");
                assertEquals(asked.get(0).taskId(), asked.get(1).taskId(), "the repair round is for the same task");
                assertTrue(results.get(asked.get(0).taskId()).getJsonObject("llm").getBoolean("repaired"), agent + " repaired");
            }
        }
        assertTrue(seen.stream().map(FakeModel.Seen::answeredWith).collect(java.util.stream.Collectors.toSet())
                .containsAll(Set.of("429", "500", "slow", "invalid", "malformed", "refused")), "every disturbance was exercised");
    }

    private static void assertCostsAreTokenUsageTimesThePrices(String id, JsonArray tasks) throws SQLException {
        BigDecimal sumOfTokens = BigDecimal.ZERO;
        BigDecimal sumOfPurchases = BigDecimal.ZERO;
        try (Connection db = Database.connect();
             PreparedStatement row = db.prepareStatement("SELECT cost_cents FROM omnidaemon_task_results WHERE task_id = ?")) {
            for (JsonValue value : tasks) {
                JsonObject task = value.asJsonObject();
                JsonObject llm = task.getJsonObject("result").getJsonObject("llm");
                BigDecimal[] price = PRICES.get(llm.getString("model"));
                BigDecimal tokens = price[0].multiply(BigDecimal.valueOf(llm.getJsonNumber("prompt_tokens").longValue()))
                        .add(price[1].multiply(BigDecimal.valueOf(llm.getJsonNumber("completion_tokens").longValue())))
                        .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.HALF_UP);
                assertTrue(tokens.signum() > 0, "usage was priced");
                assertEquals(0, tokens.compareTo(llm.getJsonNumber("cost_cents").bigDecimalValue()), task.getString("task_id"));
                BigDecimal purchases = BigDecimal.ZERO;
                if (task.getJsonObject("result").get("x402.payment.receipts") instanceof JsonArray receipts) {
                    for (JsonValue receipt : receipts) {
                        purchases = purchases.add(receipt.asJsonObject().getJsonNumber("cost_cents").bigDecimalValue());
                    }
                }
                row.setString(1, task.getString("runtime_task_id"));
                try (ResultSet stored = row.executeQuery()) {
                    assertTrue(stored.next(), "task row of " + task.getString("task_id"));
                    assertEquals(0, tokens.add(purchases).compareTo(stored.getBigDecimal(1)),
                            task.getString("task_id") + ": cost_cents = tokens x prices + purchases");
                }
                sumOfTokens = sumOfTokens.add(tokens);
                sumOfPurchases = sumOfPurchases.add(purchases);
            }
        }
        try (Connection db = Database.connect(); PreparedStatement sum = db.prepareStatement(
                "SELECT SUM(cost_cents) FROM omnidaemon_task_results WHERE business_id = ? AND status = 'success'"
                        + " AND topic <> 'genesis.meta.orchestrate'")) {
            sum.setString(1, id);
            try (ResultSet total = sum.executeQuery()) {
                total.next();
                assertEquals(0, sumOfTokens.add(sumOfPurchases).compareTo(total.getBigDecimal(1)), "the seed's cost SQL is token cost + purchases");
            }
        }
    }

    @Test
    void aModelThatOnlyAnswersGarbageFailsTheBusinessWithTheReasonAfterTheRetries() {
        Map<String, String> garbageTenant = tenant("llm-garbage-it");
        String id = Businesses.create("""
                {"business_type":"landing_page_waitlist","requirements":{"description":"A waitlist page. scenario:garbage"}}""",
                garbageTenant);
        JsonObject business = Await.until("business " + id + " terminal", Duration.ofSeconds(240),
                () -> Api.get("/api/businesses/" + id, garbageTenant).json(), b -> Businesses.TERMINAL.contains(b.getString("status")));
        assertEquals("FAILED", business.getString("status"));
        String reason = String.valueOf(business.get("error_message"));
        assertTrue(reason.contains("rejected after one repair round"), reason);
        JsonObject failed = business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(task -> !task.getString("status").equals("completed") && task.getInt("attempts") > 0).findFirst().orElseThrow();
        assertTrue(failed.getInt("attempts") > 1, "the runtime retried: " + failed);
        long asked = model.seen(id).stream().filter(s -> failed.getString("task_id").equals(s.taskId())).count();
        assertEquals(2L * failed.getInt("attempts"), asked, "each attempt: one answer and one repair round");
    }

    @Test
    void anotherTenantsBusinessNeverReachesTheModel() {
        String id = Businesses.create("{\"business_type\":\"api_service\"}");
        JsonObject business = Businesses.awaitTerminal(id, Duration.ofSeconds(120));
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        assertEquals("offline", business.getJsonObject("requirements").getString("source"));
        business.getJsonArray("task_results").forEach(task -> {
            JsonObject result = task.asJsonObject().getJsonObject("result");
            assertNotNull(result);
            assertFalse(result.containsKey("llm"), "simulated work for tenant default");
            assertFalse("llm".equals(result.getString("source", "")));
        });
        assertTrue(model.seen(id).isEmpty(), "no request for this business");
    }
}
