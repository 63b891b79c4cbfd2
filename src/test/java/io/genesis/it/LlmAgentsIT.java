package io.genesis.it;

import jakarta.json.Json;
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
            assertEquals(result.getJsonObject("llm").getString("answered_by"), task.getString("model"),
                    agent + ": the business's task list names the model that answered");
            results.put(task.getString("task_id"), result);
            agents.put(task.getString("task_id"), agent);
        }
        assertTrue(tasks.size() >= 10, "a whole DAG: " + tasks.size());
        assertTrue(premiumBought, "the builder's llm-premium purchase (genesis.businesses.purchases) bought the premium model");
        assertRequestsCarriedTheModelSchemaKeyBriefAndDependencies(id, tasks, results);
        assertEveryDisturbanceWasSurvived(id, agents, results);
        assertCostsAreTokenUsageTimesThePrices(id, tasks, business.getJsonObject("live_monitoring").getString("task_id"));
        assertTheTaskRowAndStateNameTheModelAndTier(tasks, llmTenant);
    }

    private static void assertTheTaskRowAndStateNameTheModelAndTier(JsonArray tasks, Map<String, String> llmTenant) throws SQLException {
        try (Connection db = Database.connect();
             PreparedStatement row = db.prepareStatement("SELECT model, model_tier, cost_cents FROM omnidaemon_task_results WHERE task_id = ?")) {
            for (JsonValue value : tasks) {
                JsonObject task = value.asJsonObject();
                String answeredBy = task.getJsonObject("result").getJsonObject("llm").getString("answered_by");
                assertTrue(answeredBy.endsWith("-model-it"), "FakeModel names itself after the model asked: " + answeredBy);
                row.setString(1, task.getString("runtime_task_id"));
                BigDecimal cost;
                try (ResultSet stored = row.executeQuery()) {
                    assertTrue(stored.next());
                    assertEquals(answeredBy, stored.getString("model"), task.getString("task_id") + ": model column");
                    assertEquals(task.getString("model_tier"), stored.getString("model_tier"), task.getString("task_id") + ": tier column");
                    cost = stored.getBigDecimal("cost_cents");
                }
                JsonObject state = Api.get("/api/tasks/" + task.getString("runtime_task_id"), llmTenant).json();
                assertEquals(answeredBy, state.getString("model"), "GET /api/tasks/{id} names the model");
                assertEquals(task.getString("model_tier"), state.getString("model_tier"));
                assertEquals(0, cost.compareTo(state.getJsonNumber("cost_cents").bigDecimalValue()), "and the row's cost");
            }
        }
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

    private static void assertCostsAreTokenUsageTimesThePrices(String id, JsonArray tasks, String liveMonitoring) throws SQLException {
        BigDecimal sumOfTokens = BigDecimal.ZERO;
        BigDecimal sumOfPurchases = BigDecimal.ZERO;
        try (Connection db = Database.connect();
             PreparedStatement row = db.prepareStatement("SELECT cost_cents FROM omnidaemon_task_results WHERE task_id = ?")) {
            for (JsonValue value : tasks) {
                JsonObject task = value.asJsonObject();
                JsonObject llm = task.getJsonObject("result").getJsonObject("llm");
                BigDecimal tokens;
                if (llm.getBoolean("premium_bought")) {
                    // the x402 purchase of the premium model pays for its completions: its receipt is the only charge
                    tokens = BigDecimal.ZERO;
                    assertTrue(llm.getBoolean("paid_by_purchase"), task.getString("task_id"));
                    assertTrue(llm.getJsonNumber("prompt_tokens").longValue() > 0, "the usage is still recorded");
                } else {
                    BigDecimal[] price = PRICES.get(llm.getString("model"));
                    tokens = price[0].multiply(BigDecimal.valueOf(llm.getJsonNumber("prompt_tokens").longValue()))
                            .add(price[1].multiply(BigDecimal.valueOf(llm.getJsonNumber("completion_tokens").longValue())))
                            .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.HALF_UP);
                    assertTrue(tokens.signum() > 0, "usage was priced");
                }
                assertEquals(0, tokens.compareTo(llm.getJsonNumber("cost_cents").bigDecimalValue()), task.getString("task_id"));
                BigDecimal purchases = BigDecimal.ZERO;
                if (task.getJsonObject("result").get("x402.payment.receipts") instanceof JsonArray receipts) {
                    for (JsonValue receipt : receipts) {
                        purchases = purchases.add(receipt.asJsonObject().getJsonNumber("cost_cents").bigDecimalValue());
                    }
                }
                row.setString(1, task.getString("runtime_task_id"));
                if (llm.getBoolean("premium_bought")) {
                    assertTrue(purchases.signum() > 0, task.getString("task_id") + ": the premium model was paid over x402, once");
                }
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
                        + " AND topic <> 'genesis.meta.orchestrate' AND task_id <> ?")) {
            sum.setString(1, id);
            sum.setString(2, liveMonitoring); // the monitoring of the live site, after the DAG: it costs its own tokens
            try (ResultSet total = sum.executeQuery()) {
                total.next();
                assertEquals(0, sumOfTokens.add(sumOfPurchases).compareTo(total.getBigDecimal(1)), "the seed's cost SQL is token cost + purchases");
            }
        }
    }

    @Test
    void aModelThatOnlyAnswersGarbageFailsTheBusinessWithTheReasonAfterTheRetries() throws SQLException {
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
        List<FakeModel.Seen> asked = model.seen(id).stream().filter(s -> failed.getString("task_id").equals(s.taskId())).toList();
        assertEquals(2L * failed.getInt("attempts"), asked.size(), "each attempt: one answer and one repair round");
        assertFailedAttemptsCostTheirTokens(failed, asked, garbageTenant);
    }

    /** Every completion of every failed attempt is in the task's cost, as FakeModel reported its usage. */
    private static void assertFailedAttemptsCostTheirTokens(JsonObject failed, List<FakeModel.Seen> asked, Map<String, String> tenant)
            throws SQLException {
        BigDecimal expected = BigDecimal.ZERO;
        for (FakeModel.Seen request : asked) {
            BigDecimal[] price = PRICES.get(request.model());
            expected = expected.add(price[0].multiply(BigDecimal.valueOf(request.promptTokens()))
                    .add(price[1].multiply(BigDecimal.valueOf(request.completionTokens())))
                    .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.HALF_UP));
        }
        Await.until("the row of " + failed.getString("runtime_task_id"), Duration.ofSeconds(30), () -> {
            try (Connection db = Database.connect(); PreparedStatement row = db.prepareStatement(
                    "SELECT count(*) FROM omnidaemon_task_results WHERE task_id = ?")) {
                row.setString(1, failed.getString("runtime_task_id"));
                try (ResultSet count = row.executeQuery()) {
                    return count.next() && count.getInt(1) == 1;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, written -> written);
        try (Connection db = Database.connect(); PreparedStatement row = db.prepareStatement(
                "SELECT cost_cents, model, status, (input -> 'purchase') IS NOT NULL FROM omnidaemon_task_results WHERE task_id = ?")) {
            row.setString(1, failed.getString("runtime_task_id"));
            try (ResultSet stored = row.executeQuery()) {
                assertTrue(stored.next(), "the failed task has its row");
                assertFalse(stored.getBoolean(4), "a task without a purchase pays its tokens");
                assertTrue(expected.signum() > 0);
                assertEquals(0, expected.compareTo(stored.getBigDecimal(1)), failed.getString("task_id") + " (" + stored.getString(3)
                        + "): cost_cents = every rejected completion's tokens x price, got " + stored.getBigDecimal(1));
                assertEquals(asked.get(asked.size() - 1).model() + "-it", stored.getString(2), "the model its last attempt asked");
            }
        }
        JsonObject state = Api.get("/api/tasks/" + failed.getString("runtime_task_id"), tenant).json();
        BigDecimal inHistory = state.getJsonArray("history").stream().map(JsonValue::asJsonObject)
                .map(attempt -> attempt.getJsonNumber("cost_cents").bigDecimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, expected.compareTo(inHistory), "each failed attempt shows what it spent: " + state.get("history"));
    }

    @Test
    void aTaskOnTheModelHearsWhatCaseBankKeptOfASimilarTaskBefore() {
        Map<String, String> llmTenant = tenant("llm-it");
        String marker = "quokka" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String description = "Survey the " + marker + " grooming market: competitors, their prices and the gap to aim at";
        String earlier = "hints-a-" + marker;
        String later = "hints-b-" + marker;
        Tasks.awaitStatus(Tasks.publish(researchTask(earlier, description), llmTenant), "completed", Duration.ofSeconds(60));
        Tasks.awaitStatus(Tasks.publish(researchTask(later, description), llmTenant), "completed", Duration.ofSeconds(60));

        String before = memorySection(model.seen(earlier).get(0).user());
        assertFalse(before.contains(marker), "nothing like the first task was learned before it: " + before);
        String after = memorySection(model.seen(later).get(0).user());
        assertTrue(after.contains("Past cases of this agent like this task (CaseBank"), after);
        assertTrue(after.contains("- situation: research: " + description + " (business saas_tool); what was done: "
                + "summary 0 from the fake model; reward "), "the case the first answer made, with its reward: " + after);
    }

    private static String researchTask(String businessId, String description) {
        return Json.createObjectBuilder().add("topic", "genesis.research").add("content", Json.createObjectBuilder()
                .add("business_id", businessId).add("business_type", "saas_tool").add("business_name", "Quokka Groomers")
                .add("task", Json.createObjectBuilder().add("task_id", businessId + "_1").add("task_type", "research")
                        .add("description", description))).build().toString();
    }

    /** The prompt's memory section: what memory and CaseBank recalled. */
    private static String memorySection(String user) {
        return user.substring(user.indexOf("# Memory"), user.indexOf("# Answer"));
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
