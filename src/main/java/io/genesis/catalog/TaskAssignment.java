package io.genesis.catalog;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Meta-Agent hands an agent with one task of a business's DAG: the business (its {@code BusinessRequirements}),
 * the task (with the model tier DAAO chose), the results of the tasks it depends on, the purchase it makes (if any),
 * its test hooks (if any) and what memory recalls of similar businesses (if anything). The
 * one wire format of task content: {@link #toJson()} writes it (the Meta-Agent), {@link #parse} reads it (agents,
 * grading). Parsing is lenient, because any caller may publish a task: every field is optional and today's older names
 * ({@code business_name|name}, {@code features}, {@code target_market}, a top-level {@code task_type}) are still read.
 *
 * @param dependencies dependency task id to its result
 * @param purchase     what the agent buys for this task ({@code vendor_url, purpose, mode}), or null
 * @param hooks        the {@code simulate} test hooks for this agent, or null
 * @param memoryHint   what memory recalls of similar businesses ({@code similar_count}, {@code similar_names}), or null
 */
public record TaskAssignment(Business business, Task task, Map<String, JsonValue> dependencies, JsonObject purchase,
                             JsonObject hooks, JsonObject memoryHint) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * The business a task belongs to, in the names of the Meta-Agent guide's {@code BusinessRequirements}; text fields
     * are null and collections empty when not known.
     */
    public record Business(String id, String type, String name, String description, String targetAudience,
                           String monetization, List<String> mvpFeatures, List<String> techStack,
                           Map<String, String> successMetrics, String estimatedTime) {

        public Business {
            mvpFeatures = List.copyOf(mvpFeatures);
            techStack = List.copyOf(techStack);
            successMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(successMetrics));
        }
    }

    /**
     * The DAG task itself; text fields are null when not known.
     *
     * @param modelTier the model tier DAAO chose for the task ({@code business_tasks.model_tier}, a model name)
     */
    public record Task(String taskId, String taskType, String description, String phase, String modelTier) {
    }

    public TaskAssignment {
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        text(json, "business_id", business.id());
        text(json, "business_type", business.type());
        text(json, "business_name", business.name());
        text(json, "description", business.description());
        text(json, "target_audience", business.targetAudience());
        text(json, "monetization", business.monetization());
        json.add("mvp_features", array(business.mvpFeatures()));
        json.add("tech_stack", array(business.techStack()));
        JsonObjectBuilder metrics = JSON.createObjectBuilder();
        business.successMetrics().forEach(metrics::add);
        json.add("success_metrics", metrics);
        text(json, "estimated_time", business.estimatedTime());
        JsonObjectBuilder taskJson = JSON.createObjectBuilder();
        text(taskJson, "task_id", task.taskId());
        text(taskJson, "task_type", task.taskType());
        text(taskJson, "description", task.description());
        text(taskJson, "phase", task.phase());
        text(taskJson, "model_tier", task.modelTier());
        json.add("task", taskJson);
        JsonObjectBuilder results = JSON.createObjectBuilder();
        dependencies.forEach(results::add);
        json.add("dependencies", results);
        if (purchase != null) {
            json.add("purchase", purchase);
        }
        if (hooks != null) {
            json.add("simulate", hooks);
        }
        if (memoryHint != null) {
            json.add("memory_hint", memoryHint);
        }
        return json.build();
    }

    /** Reads task content; anything that is not a JSON object reads as an assignment that knows nothing. */
    public static TaskAssignment parse(JsonValue content) {
        JsonObject json = content instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject task = json.get("task") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        Map<String, String> metrics = new LinkedHashMap<>();
        if (json.get("success_metrics") instanceof JsonObject given) {
            given.forEach((name, target) -> {
                if (target instanceof JsonString s && !s.getString().isBlank()) {
                    metrics.put(name, s.getString().strip());
                }
            });
        }
        Map<String, JsonValue> dependencies = new LinkedHashMap<>();
        if (json.get("dependencies") instanceof JsonObject results) {
            dependencies.putAll(results);
        }
        Business business = new Business(text(json, "business_id"), text(json, "business_type"),
                text(json, "business_name", "name"), text(json, "description"), text(json, "target_audience", "target_market"),
                text(json, "monetization"), texts(json, "mvp_features", "features"), texts(json, "tech_stack"), metrics,
                text(json, "estimated_time"));
        String taskType = text(task, "task_type");
        return new TaskAssignment(business, new Task(text(task, "task_id"), taskType != null ? taskType : text(json, "task_type"),
                text(task, "description"), text(task, "phase"), text(task, "model_tier")), dependencies,
                json.get("purchase") instanceof JsonObject purchase ? purchase : null,
                json.get("simulate") instanceof JsonObject hooks ? hooks : null,
                json.get("memory_hint") instanceof JsonObject memory ? memory : null);
    }

    /** The task type of task content without reading the rest (what grading keys on). */
    public static Optional<String> taskTypeOf(JsonValue content) {
        return content instanceof JsonObject json && json.get("task") instanceof JsonObject task
                ? Optional.ofNullable(text(task, "task_type")) : Optional.empty();
    }

    /** The first non-blank string among {@code keys}, stripped; null when none. */
    public static String text(JsonObject json, String... keys) {
        for (String key : keys) {
            if (json.get(key) instanceof JsonString value && !value.getString().isBlank()) {
                return value.getString().strip();
            }
        }
        return null;
    }

    /** The first of {@code keys} holding non-blank strings: those strings, stripped and distinct; empty when none. */
    public static List<String> texts(JsonObject json, String... keys) {
        for (String key : keys) {
            if (json.get(key) instanceof JsonArray array) {
                List<String> values = array.stream().filter(JsonString.class::isInstance)
                        .map(value -> ((JsonString) value).getString().strip()).filter(value -> !value.isEmpty())
                        .distinct().toList();
                if (!values.isEmpty()) {
                    return values;
                }
            }
        }
        return List.of();
    }

    private static void text(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
