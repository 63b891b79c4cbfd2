package io.genesis.agents;

import io.genesis.agents.llm.LlmClient;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.PermanentFailure;
import io.genesis.runtime.TaskContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedAgentsTest {

    private static final BusinessArchetypes ARCHETYPES = new BusinessArchetypes();

    private static SimulatedAgents agents(boolean simulation, long defaultLatency, Map<String, Long> perAgent) {
        return new SimulatedAgents(simulation, new SimulatedLatency(defaultLatency, agent -> Optional.ofNullable(perAgent.get(agent))),
                ARCHETYPES, new AgentWork(new IdeaGenerator(ARCHETYPES, LlmClient.OFFLINE)));
    }

    private static TaskContext task(String agent, JsonValue content, int attempt) {
        Envelope envelope = new Envelope("task-" + agent, "genesis." + agent, content, null, null, null, null, "test", "default",
                attempt - 1, "2025-01-01T00:00:00Z", null, null, null, null);
        return new TaskContext(envelope, new AgentPolicy(agent, "genesis." + agent, 3, 1, 60, 1), attempt, "worker-1");
    }

    private static JsonObject simulate(JsonObject hooks) {
        return Json.createObjectBuilder().add("feature", "login").add("simulate", hooks).build();
    }

    @Test
    void resultCarriesTheArtefactAndEchoesTheContent() throws Exception {
        JsonObject content = Json.createObjectBuilder().add("feature", "login").build();
        JsonObject result = agents(true, 0, Map.of()).handle(task("qa_agent", content, 1)).output().asJsonObject();
        assertEquals(content, result.getJsonObject("input"));
        assertEquals("qa_agent", result.getString("agent"));
        assertEquals("task-qa_agent", result.getString("task_id"));
        assertEquals("test", result.getString("task_type"));
        assertEquals(result.getInt("tests_total"), result.getInt("tests_passed"));
    }

    @Test
    void failTimesFailsTheFirstAttemptsOnly() throws Exception {
        SimulatedAgents agents = agents(true, 0, Map.of());
        JsonObject content = simulate(Json.createObjectBuilder().add("fail_times", 2).build());
        assertThrows(SimulatedAgents.SimulatedFailure.class, () -> agents.handle(task("spec_agent", content, 1)));
        assertThrows(SimulatedAgents.SimulatedFailure.class, () -> agents.handle(task("spec_agent", content, 2)));
        JsonObject third = agents.handle(task("spec_agent", content, 3)).output().asJsonObject();
        assertEquals(3, third.getInt("attempt"));
        assertTrue(third.containsKey("requirements"));
    }

    @Test
    void failPermanentlyFailsEveryAttempt() {
        SimulatedAgents agents = agents(true, 0, Map.of());
        JsonObject content = simulate(Json.createObjectBuilder().add("fail_permanently", true).build());
        assertThrows(SimulatedAgents.SimulatedFailure.class, () -> agents.handle(task("deploy_agent", content, 5)));
    }

    @Test
    void hooksAreIgnoredWhileSimulationIsDisabled() throws Exception {
        JsonObject content = simulate(Json.createObjectBuilder().add("fail_permanently", true).add("tests_failed", 2).build());
        JsonObject result = agents(false, 0, Map.of()).handle(task("qa_agent", content, 1)).output().asJsonObject();
        assertEquals(0, result.getInt("tests_failed"));
    }

    @Test
    void theTaskLatencyHookWinsOverTheAgentsConfiguredLatency() throws Exception {
        SimulatedAgents agents = agents(true, 0, Map.of("seo_agent", 5_000L));
        JsonObject content = simulate(Json.createObjectBuilder().add("latency_ms", 30).build());
        long start = System.nanoTime();
        agents.handle(task("seo_agent", content, 1));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 30 && elapsedMs < 5_000, elapsedMs + " ms");
    }

    @Test
    void unknownBusinessTypeFailsTheIdeaGeneratorPermanently() {
        JsonObject content = Json.createObjectBuilder().add("business_type", "time_machine").build();
        assertThrows(PermanentFailure.class, () -> agents(true, 0, Map.of()).handle(task("business_idea_generator", content, 1)));
    }
}
