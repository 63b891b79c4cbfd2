package io.genesis.agents;

import io.genesis.agents.llm.LlmClient;
import io.genesis.catalog.AgentName;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.quality.HgmJudge;
import io.genesis.quality.QualityGrade;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentWorkTest {

    private static final double MIN_SCORE = 0.7;

    private final BusinessArchetypes archetypes = new BusinessArchetypes();
    private final AgentWork work = new AgentWork(new IdeaGenerator(archetypes, LlmClient.OFFLINE));
    private final HgmJudge judge = new HgmJudge();

    /** Task types the planner and router give these agents besides their usual one. */
    private static final Map<String, List<String>> OTHER_TASK_TYPES = Map.of(
            "builder_agent", List.of("file_write", "api_call", "code", "build"),
            "qa_agent", List.of("test_run", "qa"),
            "spec_agent", List.of("requirements", "planning"),
            "marketing_agent", List.of("content"),
            "commerce_agent", List.of("payments", "fulfillment"),
            "deploy_agent", List.of("infrastructure"));

    private JsonObject run(String agent, JsonValue content) throws Exception {
        JsonObject hooks = content instanceof JsonObject object && object.get("simulate") instanceof JsonObject simulate
                ? simulate : JsonValue.EMPTY_JSON_OBJECT;
        return work.perform(agent, "task-1", 1, TaskBrief.of(content, hooks, archetypes), content);
    }

    private void assertGrade(String agent, String taskType, JsonObject output) {
        QualityGrade grade = judge.grade(agent, taskType, output);
        assertTrue(grade.score() >= MIN_SCORE, agent + "/" + taskType + " graded " + grade + ": " + output);
        HgmJudge.expectedArtefacts(agent, taskType).forEach(key -> assertTrue(output.containsKey(key), agent + " lacks " + key));
    }

    @Test
    void everyConfiguredAgentExceptTheOrchestratorHasARole() {
        assertEquals(Set.copyOf(Contents.agents()), work.agents());
        assertEquals(22, work.agents().size());
        assertEquals(Arrays.stream(AgentName.values()).filter(agent -> agent != AgentName.GENESIS_META_AGENT).map(AgentName::id)
                .collect(Collectors.toSet()), work.agents());
    }

    @Test
    void everyAgentsArtefactGradesWellForEveryArchetype() throws Exception {
        for (BusinessArchetype archetype : archetypes.all()) {
            for (String agent : Contents.agents()) {
                String taskType = work.taskType(agent, TaskBrief.of(JsonValue.EMPTY_JSON_OBJECT, null, archetypes));
                JsonObject output = run(agent, Contents.dagTask(archetype, "b-" + archetype.type(), taskType));
                assertGrade(agent, taskType, output);
                assertEquals(taskType, output.getString("task_type"));
            }
        }
    }

    @Test
    void otherTaskTypesOfAnAgentStillGradeWell() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        for (Map.Entry<String, List<String>> agent : OTHER_TASK_TYPES.entrySet()) {
            for (String taskType : agent.getValue()) {
                assertGrade(agent.getKey(), taskType, run(agent.getKey(), Contents.dagTask(saas, "b-1", taskType)));
            }
        }
    }

    @Test
    void plainContentStillGetsMeaningfulWorkAndItsUsualTaskType() throws Exception {
        JsonObject plain = Json.createObjectBuilder().add("x", 1).build();
        for (String agent : Contents.agents()) {
            JsonObject output = run(agent, plain);
            String taskType = output.getString("task_type");
            assertFalse(taskType.isBlank());
            assertGrade(agent, taskType, output);
            assertEquals(plain, output.getJsonObject("input"), "the content is echoed");
            assertEquals(agent, output.getString("agent"));
            assertEquals(1, output.getInt("attempt"));
            assertFalse(output.getString("summary").isBlank());
        }
    }

    @Test
    void contentThatIsNotAnObjectIsEchoedAndStillWorkedOn() throws Exception {
        JsonObject output = run("spec_agent", Json.createValue("build me a store"));
        assertEquals("build me a store", output.getString("input"));
        assertTrue(output.getJsonArray("requirements").size() > 0);
    }

    @Test
    void sameContentGivesIdenticalJson() throws Exception {
        BusinessArchetype marketplace = archetypes.byType("marketplace").orElseThrow();
        for (String agent : Contents.agents()) {
            JsonObject content = Contents.dagTask(marketplace, "b-42", work.taskType(agent,
                    TaskBrief.of(JsonValue.EMPTY_JSON_OBJECT, null, archetypes)));
            assertEquals(run(agent, content).toString(), run(agent, content).toString(), agent);
        }
    }

    @Test
    void deploymentUrlIsStablePerBusinessAndDiffersBetweenBusinesses() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        String first = run("deploy_agent", Contents.dagTask(saas, "4f1c2a9e-0000", "deploy")).getString("deployment_url");
        String again = run("deploy_agent", Contents.dagTask(saas, "4f1c2a9e-0000", "deploy")).getString("deployment_url");
        String other = run("deploy_agent", Contents.dagTask(saas, "77aa0000-1111", "deploy")).getString("deployment_url");
        assertTrue(first.matches("https://quill-ledger-[0-9a-f]{8}\\.vercel\\.app"), first);
        assertEquals(first, again);
        assertNotEquals(first, other);
        JsonObject python = run("deploy_agent", Contents.dagTask(archetypes.byType("api_service").orElseThrow(), "b-9", "deploy"));
        assertEquals("Render", python.getString("provider"));
        assertTrue(python.getString("deployment_url").endsWith(".onrender.com"));
    }

    @Test
    void deployCountsTheFilesOfItsDependenciesAndMonitoringWatchesTheirUrl() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject built = run("builder_agent", Contents.dagTask(saas, "b-7", "implement"));
        JsonObject deployed = run("deploy_agent", Contents.dagTask(saas, "b-7", "deploy",
                Json.createObjectBuilder().add("saas_tool_b-7_4", built)));
        assertEquals(built.getJsonArray("files").size(), deployed.getInt("files_deployed"));
        assertTrue(deployed.getJsonObject("input").getJsonObject("dependencies").getJsonObject("saas_tool_b-7_4").containsKey("files"));
        assertFalse(deployed.getJsonObject("input").getJsonObject("dependencies").getJsonObject("saas_tool_b-7_4").containsKey("input"),
                "dependency results are echoed without their own echo");
        JsonObject monitored = run("monitoring_agent", Contents.dagTask(saas, "b-7", "monitor",
                Json.createObjectBuilder().add("deployment", Json.createObjectBuilder().add("deployment_url", "https://shop.example.com"))));
        assertEquals("https://shop.example.com", monitored.getJsonArray("checks").getJsonObject(0).getString("target"));
    }

    @Test
    void specNumbersOneRequirementPerFeaturePlusQualityAttributes() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject spec = run("spec_agent", Contents.dagTask(saas, "b-1", "design"));
        assertEquals(saas.typicalFeatures().size() + 3, spec.getJsonArray("requirements").size());
        assertEquals("REQ-001", spec.getJsonArray("requirements").getJsonObject(0).getString("id"));
        assertEquals(saas.typicalFeatures().get(0), spec.getJsonArray("requirements").getJsonObject(0).getString("feature"));
        assertEquals("must", spec.getJsonArray("requirements").getJsonObject(0).getString("priority"));
        assertEquals(6, spec.getJsonObject("spec").getJsonArray("sections").size());
    }

    @Test
    void architectureTurnsTheStackIntoComponentsWithInterfaces() throws Exception {
        JsonObject design = run("architect_agent", Contents.dagTask(archetypes.byType("ai_chatbot_service").orElseThrow(), "b-1",
                "architecture"));
        List<String> components = design.getJsonArray("components").getValuesAs(JsonObject.class).stream()
                .map(component -> component.getString("name")).toList();
        assertEquals(List.of("api_service", "llm", "database", "cache", "ui_components", "payments"), components);
        assertEquals(List.of("Python"), design.getJsonObject("architecture").getJsonArray("languages").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(design.getJsonObject("architecture").getJsonArray("data_flow").contains(Json.createValue("api_service -> database")));
    }

    @Test
    void backendDerivesEndpointsAndTablesFromTheFeatures() throws Exception {
        JsonObject backend = run("backend_agent", Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "backend"));
        JsonObject first = backend.getJsonArray("endpoints").getJsonObject(0);
        assertEquals("GET", first.getString("method"));
        assertEquals("/api/email-oauth", first.getString("path"));
        assertEquals("PostgreSQL", backend.getJsonObject("schema").getString("engine"));
        assertEquals("accounts", backend.getJsonObject("schema").getJsonArray("tables").getJsonObject(0).getString("name"));
        assertTrue(backend.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .anyMatch(endpoint -> endpoint.getString("path").equals("/api/webhooks/stripe")));
    }

    @Test
    void qaReportsAllPassingUnlessTheContentAsksForFailures() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject passing = run("qa_agent", Contents.dagTask(saas, "b-1", "test"));
        assertEquals(passing.getInt("tests_total"), passing.getInt("tests_passed"));
        assertEquals(0, passing.getInt("tests_failed"));
        assertEquals("pass", passing.getString("verdict"));
        double coverage = passing.getJsonObject("coverage").getJsonNumber("lines").doubleValue();
        assertTrue(coverage >= 0.72 && coverage < 0.92, String.valueOf(coverage));

        JsonObject failing = run("qa_agent", Json.createObjectBuilder(Contents.dagTask(saas, "b-1", "test"))
                .add("simulate", Json.createObjectBuilder().add("tests_failed", 2)).build());
        assertEquals(2, failing.getInt("tests_failed"));
        assertEquals(failing.getInt("tests_total") - 2, failing.getInt("tests_passed"));
        assertEquals(2, failing.getJsonArray("failing_tests").size());
        assertEquals("fail", failing.getString("verdict"));
    }

    @Test
    void pricingTiersFollowTheMonetizationText() throws Exception {
        assertEquals(List.of("Free 0", "Starter 9", "Growth 19", "Pro 29"), tiers("Freemium, $9-29/month"));
        assertEquals(List.of("Team 29", "Business 69", "Enterprise 99"), tiers("$29-99/month per user"));
        assertEquals(List.of("Pay as you go 0.10", "Volume 0.06", "Scale 0.01"), tiers("$0.01-0.10 per call"));
        assertEquals(List.of("Standard seller 20", "Plus seller 15", "Premium seller 10"), tiers("10-20% commission per transaction"));
        assertEquals(List.of("Free 0", "Supporter 5", "Patron 29", "Sponsor 50"), tiers("Ads + affiliate + newsletter"));
        assertEquals(List.of("Single 25", "Bundle 79", "Collection 120"), tiers("Direct sales"));
        assertEquals(List.of("Free 0", "Starter 9", "Growth 19", "Pro 29"), tiers("Free forever, $0/month"));
    }

    private List<String> tiers(String monetization) throws Exception {
        JsonObject content = Json.createObjectBuilder().add("monetization", monetization).build();
        return run("pricing_agent", content).getJsonArray("tiers").getValuesAs(JsonObject.class).stream()
                .map(tier -> tier.getString("name") + " " + tier.getJsonNumber("price").bigDecimalValue().toPlainString())
                .toList();
    }

    @Test
    void financeBreaksEvenOnTheEntryPlan() throws Exception {
        JsonObject finance = run("finance_agent", Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "finance"));
        JsonObject budget = finance.getJsonObject("budget");
        // Vercel 20 + PostgreSQL 25 + domain 2 + error tracking 26 = 73 a month; Starter at $9 -> 9 customers
        assertEquals(73, budget.getInt("monthly_running_usd"));
        assertEquals(new BigDecimal("9"), budget.getJsonNumber("revenue_per_customer_usd").bigDecimalValue());
        assertEquals(9, budget.getInt("break_even_customers"));
    }

    @Test
    void darwinTurnsObservedProblemsIntoImprovements() throws Exception {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject qa = run("qa_agent", Json.createObjectBuilder(Contents.dagTask(saas, "b-1", "test"))
                .add("simulate", Json.createObjectBuilder().add("tests_failed", 3)).build());
        JsonObject darwin = run("darwin_agent", Contents.dagTask(saas, "b-1", "improve_agent",
                Json.createObjectBuilder().add("testing", qa)));
        JsonObject first = darwin.getJsonArray("improvements").getJsonObject(0);
        assertEquals("testing", first.getString("target"));
        assertEquals("high", first.getString("priority"));
        assertTrue(first.getString("change").contains("3 failing tests"), first.toString());
        assertTrue(darwin.getInt("observed_problems") >= 1);
    }

    @Test
    void unknownAgentsGetTheEchoAndASummary() throws Exception {
        JsonObject output = run("helper_agent", Json.createObjectBuilder().add("x", 1).build());
        assertEquals("generic", output.getString("task_type"));
        assertEquals(Set.of("summary", "agent", "task_id", "task_type", "attempt", "input"), output.keySet());
    }
}
