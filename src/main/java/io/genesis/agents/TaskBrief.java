package io.genesis.agents;

import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.catalog.TaskAssignment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent reads from a task's content (a {@link TaskAssignment}, every field optional): the business (id, type,
 * name, description, features, tech stack, monetization, target audience, success metrics), the DAG task
 * ({@code task.task_id|task_type|description|phase}) and the results of the tasks it depends on. Missing business
 * details come from the archetype of {@code business_type}, or of {@value #DEFAULT_BUSINESS_TYPE} when the type is
 * absent or unknown, so a plain {@code {"x":1}} still gets meaningful work.
 *
 * @param targetMarket   the business's target audience
 * @param successMetrics KPI name to target: the business's own, else its archetype's
 * @param hooks          the {@code simulate} test hooks (empty unless simulation is enabled)
 * @param content        the task content itself (empty unless it is a JSON object)
 */
public record TaskBrief(String businessId, BusinessArchetype archetype, String businessName, String description,
                        List<String> features, List<String> techStack, String monetization, String targetMarket,
                        String taskId, String taskType, String taskDescription, String phase,
                        Map<String, JsonObject> dependencies, JsonObject hooks, JsonObject content,
                        Map<String, String> successMetrics) {

    public static final String DEFAULT_BUSINESS_TYPE = "saas_tool";

    public TaskBrief {
        features = List.copyOf(features);
        techStack = List.copyOf(techStack);
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
        successMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(successMetrics));
    }

    public static TaskBrief of(JsonValue content, JsonObject hooks, BusinessArchetypes archetypes) {
        TaskAssignment assignment = TaskAssignment.parse(content);
        TaskAssignment.Business business = assignment.business();
        TaskAssignment.Task task = assignment.task();
        BusinessArchetype archetype = archetypes.byType(business.type())
                .orElseGet(() -> archetypes.byType(DEFAULT_BUSINESS_TYPE).orElseThrow());
        Map<String, JsonObject> dependencies = new LinkedHashMap<>();
        assignment.dependencies().forEach((id, result) -> {
            if (result instanceof JsonObject json) {
                dependencies.put(id, json);
            }
        });
        return new TaskBrief(
                Objects.requireNonNullElse(business.id(), ""),
                archetype,
                Objects.requireNonNullElse(business.name(), archetype.name()),
                Objects.requireNonNullElse(business.description(), archetype.description()),
                business.mvpFeatures().isEmpty() ? archetype.typicalFeatures() : business.mvpFeatures(),
                business.techStack().isEmpty() ? archetype.techStack() : business.techStack(),
                Objects.requireNonNullElse(business.monetization(), archetype.monetizationModel()),
                Objects.requireNonNullElse(business.targetAudience(), archetype.targetMarket()),
                Objects.requireNonNullElse(task.taskId(), ""),
                Objects.requireNonNullElse(task.taskType(), ""),
                Objects.requireNonNullElse(task.description(), ""),
                Objects.requireNonNullElse(task.phase(), ""),
                dependencies,
                hooks == null ? JsonValue.EMPTY_JSON_OBJECT : hooks,
                content instanceof JsonObject json ? json : JsonValue.EMPTY_JSON_OBJECT,
                business.successMetrics().isEmpty() ? archetype.successMetrics() : business.successMetrics());
    }

    public String businessType() {
        return archetype.type();
    }

    /** What deterministic choices are keyed on: the business id, else its name. */
    public String fingerprint() {
        return businessId.isBlank() ? businessName : businessId;
    }

    /** A number in {@code [0, bound)} fixed for this business and {@code salt}. */
    public int pick(int bound, String salt) {
        return Identifiers.bounded(bound, fingerprint(), salt);
    }

    /** Whether the tech stack names a technology containing {@code fragment} (case-insensitive). */
    public boolean uses(String fragment) {
        String needle = fragment.toLowerCase(Locale.ROOT);
        return techStack.stream().anyMatch(tech -> tech.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The first string value of {@code key} among the dependencies' results. */
    public Optional<String> fromDependencies(String key) {
        return dependencies.values().stream().map(result -> text(result, key)).flatMap(Optional::stream).findFirst();
    }

    /** Resource name (the first two meaningful words of a feature) to its feature, in feature order; first feature wins. */
    public Map<String, String> resources() {
        Map<String, String> resources = new LinkedHashMap<>();
        features.forEach(feature -> resources.putIfAbsent(Identifiers.resource(feature, 2), feature));
        return Collections.unmodifiableMap(resources);
    }

    static Optional<String> text(JsonObject object, String key) {
        return Optional.ofNullable(TaskAssignment.text(object, key));
    }

    static Optional<List<String>> texts(JsonObject object, String key) {
        List<String> values = TaskAssignment.texts(object, key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
