package io.genesis.agents;

import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent reads from a task's content, with every field optional: the business (id, type, name, description,
 * features, tech stack, monetization, target market), the DAG task ({@code task.task_id|task_type|description|phase})
 * and the results of the tasks it depends on ({@code dependencies}). Missing business details come from the
 * archetype of {@code business_type}, or of {@value #DEFAULT_BUSINESS_TYPE} when the type is absent or unknown, so a
 * plain {@code {"x":1}} still gets meaningful work.
 *
 * @param hooks   the {@code simulate} test hooks (empty unless simulation is enabled)
 * @param content the task content itself (empty unless it is a JSON object)
 */
public record TaskBrief(String businessId, BusinessArchetype archetype, String businessName, String description,
                        List<String> features, List<String> techStack, String monetization, String targetMarket,
                        String taskId, String taskType, String taskDescription, String phase,
                        Map<String, JsonObject> dependencies, JsonObject hooks, JsonObject content) {

    public static final String DEFAULT_BUSINESS_TYPE = "saas_tool";

    public TaskBrief {
        features = List.copyOf(features);
        techStack = List.copyOf(techStack);
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    public static TaskBrief of(JsonValue content, JsonObject hooks, BusinessArchetypes archetypes) {
        JsonObject object = content instanceof JsonObject json ? json : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject task = object.get("task") instanceof JsonObject json ? json : JsonValue.EMPTY_JSON_OBJECT;
        BusinessArchetype archetype = archetypes.byType(text(object, "business_type").orElse(null))
                .orElseGet(() -> archetypes.byType(DEFAULT_BUSINESS_TYPE).orElseThrow());
        Map<String, JsonObject> dependencies = new LinkedHashMap<>();
        if (object.get("dependencies") instanceof JsonObject results) {
            results.forEach((id, result) -> {
                if (result instanceof JsonObject json) {
                    dependencies.put(id, json);
                }
            });
        }
        return new TaskBrief(
                text(object, "business_id").orElse(""),
                archetype,
                text(object, "business_name").or(() -> text(object, "name")).orElse(archetype.name()),
                text(object, "description").orElse(archetype.description()),
                texts(object, "features").or(() -> texts(object, "mvp_features")).orElse(archetype.typicalFeatures()),
                texts(object, "tech_stack").orElse(archetype.techStack()),
                text(object, "monetization").orElse(archetype.monetizationModel()),
                text(object, "target_market").or(() -> text(object, "target_audience")).orElse(archetype.targetMarket()),
                text(task, "task_id").orElse(""),
                text(task, "task_type").or(() -> text(object, "task_type")).orElse(""),
                text(task, "description").orElse(""),
                text(task, "phase").orElse(""),
                dependencies,
                hooks == null ? JsonValue.EMPTY_JSON_OBJECT : hooks,
                object);
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
        return object.get(key) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString().strip()) : Optional.empty();
    }

    static Optional<List<String>> texts(JsonObject object, String key) {
        if (!(object.get(key) instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<String> values = array.stream()
                .filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString().strip())
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
