package io.genesis.agents;

import io.genesis.agents.llm.LlmClient;
import io.genesis.catalog.AgentName;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePromptsTest {

    private final RolePrompts prompts = RolePrompts.load();
    private final BusinessArchetypes archetypes = new BusinessArchetypes();
    private final AgentWork work = new AgentWork(new IdeaGenerator(archetypes, LlmClient.OFFLINE));

    @Test
    void everyAgentWithARoleHasAPromptAndASchema() {
        Set<String> roles = Arrays.stream(AgentName.values()).filter(agent -> !agent.artefacts().isEmpty())
                .map(AgentName::id).collect(Collectors.toSet());
        assertEquals(22, roles.size());
        assertEquals(roles, prompts.agents());
        assertEquals(work.agents(), prompts.agents());
    }

    @Test
    void everyDeterministicArtefactMatchesItsRolesSchema() throws Exception {
        for (BusinessArchetype archetype : archetypes.all()) {
            for (String agent : prompts.agents()) {
                JsonObject content = Contents.dagTask(archetype, "b-" + archetype.type(), "");
                JsonObject output = work.perform(agent, "t", 1, TaskBrief.of(content, null, archetypes), content);
                List<String> errors = prompts.role(agent).orElseThrow().schema().validate(output);
                assertEquals(List.of(), errors, agent + " for " + archetype.type());
            }
        }
    }

    @Test
    void thePromptCarriesTheRoleTheBriefTheDependencyResultsAndMemory() {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject spec = Json.createObjectBuilder().add("agent", "spec_agent").add("summary", "Specified Quill Ledger in 7 requirements")
                .add("input", Json.createObjectBuilder().add("secret_echo", "must not be quoted")).build();
        JsonObject content = Json.createObjectBuilder(Contents.dagTask(saas, "b-1", "implement",
                        Json.createObjectBuilder().add("saas_tool_b-1_2", spec)))
                .add("memory_hint", Json.createObjectBuilder().add("similar_count", 2).add("similar_names", Json.createArrayBuilder().add("Inkwell")))
                .build();
        RolePrompts.Role role = prompts.role("builder_agent").orElseThrow();
        TaskBrief brief = TaskBrief.of(content, null, archetypes);
        List<CaseHint> cases = List.of(new CaseHint("implement: Work on the core workflow (business saas_tool)",
                "Built the core workflow as three pages and one API route", 0.91, 0.87));
        RolePrompts.Prompt prompt = prompts.prompt(role, brief, MemoryHint.of(content.get("memory_hint")), cases, false, 4000);

        assertTrue(prompt.system().startsWith("You are one agent of Genesis"), prompt.system());
        assertTrue(prompt.system().contains("agent `builder_agent`"));
        assertTrue(prompt.user().contains("- name: Quill Ledger"));
        assertTrue(prompt.user().contains("- description: Work on " + saas.name()), "the task's brief");
        assertTrue(prompt.user().contains("- type: implement"));
        assertTrue(prompt.user().contains("## saas_tool_b-1_2 (spec_agent)"));
        assertTrue(prompt.user().contains("Specified Quill Ledger in 7 requirements"), "the dependency's result");
        assertFalse(prompt.user().contains("must not be quoted"), "a dependency's echoed input stays out");
        assertTrue(prompt.user().contains("2 similar businesses were built before (Inkwell)"));
        assertTrue(prompt.user().contains("- situation: implement: Work on the core workflow (business saas_tool); what was done: "
                + "Built the core workflow as three pages and one API route; reward 0.91, similarity 0.87"), "the CaseBank hint");
        assertTrue(prompt.user().contains("schema builder_agent_artefact_v1."));
        assertFalse(prompt.user().contains("\"required\""), "the schema travels in response_format");

        RolePrompts.Prompt jsonOnly = prompts.prompt(role, brief, MemoryHint.NONE, List.of(), true, 4000);
        assertTrue(jsonOnly.user().contains(role.schema().json().toString()), "without json_schema the prompt carries the schema");
        assertTrue(jsonOnly.user().contains("No similar business was built before."));
        assertFalse(jsonOnly.user().contains("Past cases"), "no CaseBank section without cases");
    }

    @Test
    void longDependencyResultsAreCut() {
        assertEquals("abc …(cut at 3 characters)", RolePrompts.cut("abcdef", 3));
        assertEquals("abc", RolePrompts.cut("abc", 3));
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        JsonObject big = Json.createObjectBuilder().add("summary", "x".repeat(10_000)).build();
        JsonObject content = Contents.dagTask(saas, "b-1", "test", Json.createObjectBuilder().add("dep", big));
        String user = prompts.prompt(prompts.role("qa_agent").orElseThrow(), TaskBrief.of(content, null, archetypes),
                MemoryHint.NONE, List.of(), false, 500).user();
        assertTrue(user.length() < 3_000, "cut to about 500 characters: " + user.length());
    }

    @Test
    void aMissingPromptOrASchemaThatDoesNotRequireTheRolesArtefactsFailsLoading() {
        Map<String, String> none = Map.of();
        assertThrows(IllegalStateException.class, () -> RolePrompts.load(path -> Optional.ofNullable(none.get(path))));
        IllegalStateException weak = assertThrows(IllegalStateException.class, () -> RolePrompts.load(path ->
                path.endsWith(".md") ? Optional.of("text")
                        : Optional.of("{\"type\": \"object\", \"required\": [\"summary\"]}")));
        assertTrue(weak.getMessage().contains("must require"), weak.getMessage());
        assertEquals(JsonValue.ValueType.OBJECT, prompts.role("qa_agent").orElseThrow().schema().json().getValueType());
    }
}
