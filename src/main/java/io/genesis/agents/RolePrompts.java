package io.genesis.agents;

import io.genesis.agents.llm.JsonSchema;
import io.genesis.api.JsonConventions;
import io.genesis.catalog.AgentName;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each role's prompt and artefact schema, kept as versioned resources: {@code agents/prompts/system.v1.md} (the rules of
 * every answer), {@code agents/prompts/<agent>.v1.md} (the role) and {@code agents/schemas/<agent>.v1.json} (the JSON
 * Schema of the role's artefact: the keys {@link AgentName#artefacts()} names plus {@code summary}, and the other keys
 * the deterministic work produces). Every agent with a role has all three or loading fails.
 *
 * <p>A prompt is the system message (rules + role) and one user message: the task, the business, the results of the
 * tasks it depends on (without their echoed input and bookkeeping, each cut at {@code maxDependencyChars}), what memory
 * recalls of similar businesses and the agent's similar past cases (CaseBank), and the answer format (with the schema written out when the request cannot carry it).
 */
public final class RolePrompts {

    public static final String VERSION = "v1";
    static final Set<String> DEPENDENCY_BOOKKEEPING = Set.of("input", "task_id", "attempt", "llm");
    /** Characters of a past case's situation and action quoted in a prompt. */
    static final int CASE_CHARS = 300;

    /** One role's system message and artefact schema. */
    record Role(String agent, String system, JsonSchema schema) {

        String schemaName() {
            return agent + "_artefact_" + VERSION;
        }

        String promptName() {
            return agent + "." + VERSION;
        }
    }

    /** The messages of one completion. */
    record Prompt(String system, String user) {
    }

    private final Map<String, Role> roles;

    private RolePrompts(Map<String, Role> roles) {
        this.roles = Map.copyOf(roles);
    }

    /** The prompts and schemas of every agent with a role, from the class path. */
    public static RolePrompts load() {
        return load(path -> {
            try (InputStream in = RolePrompts.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The prompts and schemas through {@code resources} (a resource's text by path, empty when missing). */
    static RolePrompts load(Function<String, Optional<String>> resources) {
        String rules = required(resources, "agents/prompts/system." + VERSION + ".md");
        Map<String, Role> roles = new LinkedHashMap<>();
        for (AgentName agent : AgentName.values()) {
            if (agent.artefacts().isEmpty()) {
                continue;
            }
            String role = required(resources, "agents/prompts/" + agent.id() + "." + VERSION + ".md");
            String schemaPath = "agents/schemas/" + agent.id() + "." + VERSION + ".json";
            JsonObject schema;
            try (JsonReader reader = JsonConventions.json().createReader(new StringReader(required(resources, schemaPath)))) {
                schema = reader.readObject();
            }
            List<String> required = schema.getJsonArray("required") == null ? List.of()
                    : schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            if (!required.containsAll(agent.artefacts()) || !required.contains("summary")) {
                throw new IllegalStateException(schemaPath + " must require " + agent.artefacts() + " and summary");
            }
            roles.put(agent.id(), new Role(agent.id(), rules.strip() + "\n\n" + role.strip(), JsonSchema.of(schema)));
        }
        return new RolePrompts(roles);
    }

    private static String required(Function<String, Optional<String>> resources, String path) {
        return resources.apply(path).filter(text -> !text.isBlank())
                .orElseThrow(() -> new IllegalStateException("missing prompt resource " + path));
    }

    /** The agents that have a prompt. */
    public Set<String> agents() {
        return roles.keySet();
    }

    Optional<Role> role(String agent) {
        return Optional.ofNullable(roles.get(agent));
    }

    /** The prompt of the agent's role for that task. */
    Prompt prompt(Role role, TaskBrief brief, MemoryHint memory, List<CaseHint> cases, boolean schemaInPrompt, int maxDependencyChars) {
        StringBuilder user = new StringBuilder();
        user.append("# Task\n");
        line(user, "id", brief.taskId());
        line(user, "type", brief.taskType());
        line(user, "phase", brief.phase());
        line(user, "description", brief.taskDescription());
        user.append("\n# Business\n");
        line(user, "id", brief.businessId());
        line(user, "name", brief.businessName());
        line(user, "type", brief.businessType());
        line(user, "description", brief.description());
        line(user, "target audience", brief.targetMarket());
        line(user, "monetization", brief.monetization());
        line(user, "MVP features", String.join("; ", brief.features()));
        line(user, "tech stack", String.join(", ", brief.techStack()));
        line(user, "success metrics", brief.successMetrics().entrySet().stream()
                .map(metric -> metric.getKey() + " " + metric.getValue()).collect(Collectors.joining("; ")));
        user.append("\n# Results of the tasks this one depends on\n");
        if (brief.dependencies().isEmpty()) {
            user.append("None: this task starts from the business alone.\n");
        }
        brief.dependencies().forEach((id, result) -> user.append("## ").append(id)
                .append(result.get("agent") instanceof JsonString agent ? " (" + agent.getString() + ")" : "")
                .append('\n').append(cut(withoutBookkeeping(result).toString(), maxDependencyChars)).append('\n'));
        user.append("\n# Memory\n");
        MemoryHint past = memory == null ? MemoryHint.NONE : memory;
        if (past.similarCount() == 0) {
            user.append("No similar business was built before.\n");
        } else {
            user.append(past.similarCount()).append(" similar businesses were built before")
                    .append(past.similarNames().isEmpty() ? "" : " (" + String.join(", ", past.similarNames()) + ")")
                    .append(". Do not reuse their names; make this one distinct.\n");
        }
        if (cases != null && !cases.isEmpty()) {
            user.append("Past cases of this agent like this task (CaseBank; reward 0..1, build on what earned a high one):\n");
            cases.forEach(hint -> user.append(String.format(Locale.ROOT, "- situation: %s; what was done: %s; reward %.2f, similarity %.2f%n",
                    cut(hint.situation(), CASE_CHARS), cut(hint.action(), CASE_CHARS), hint.reward(), hint.similarity())));
        }
        user.append("\n# Answer\nOne JSON object matching the schema ").append(role.schemaName()).append('.');
        if (schemaInPrompt) {
            user.append(" The schema:\n").append(role.schema().json());
        }
        return new Prompt(role.system(), user.append('\n').toString());
    }

    private static void line(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append("- ").append(name).append(": ").append(value.strip()).append('\n');
        }
    }

    private static JsonObject withoutBookkeeping(JsonObject result) {
        var trimmed = JsonConventions.json().createObjectBuilder(result);
        DEPENDENCY_BOOKKEEPING.forEach(trimmed::remove);
        return trimmed.build();
    }

    static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars)) + " …(cut at " + maxChars + " characters)";
    }
}
