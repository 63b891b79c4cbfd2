package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/** The BusinessCreationResult of the guide (§17.2) in snake_case JSON, plus transitions and ids. */
public final class BusinessViews {

    private BusinessViews() {
    }

    public static JsonObject result(BusinessRecord b, List<BusinessTask> tasks, List<Transition> transitions) {
        JsonArrayBuilder taskResults = JsonConventions.json().createArrayBuilder();
        tasks.forEach(task -> taskResults.add(task(task)));
        JsonArrayBuilder history = JsonConventions.json().createArrayBuilder();
        transitions.forEach(t -> history.add(transition(t)));
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder()
                .add("business_id", b.businessId())
                .add("business_type", b.businessType())
                .add("tenant_id", b.tenantId())
                .add("status", b.status().name())
                .add("autonomous", b.autonomous())
                .add("requirements", orEmpty(b.requirements()))
                .add("team_composition", orEmpty(b.teamComposition()))
                .add("task_results", taskResults)
                .add("metadata", orEmpty(b.metadata()))
                .add("transitions", history)
                .add("created_at", b.createdAt().toString());
        nullable(json, "deployment_url", b.deploymentUrl());
        nullable(json, "error_message", b.errorMessage());
        if (b.executionTimeSeconds() == null) {
            json.addNull("execution_time_seconds");
        } else {
            json.add("execution_time_seconds", b.executionTimeSeconds());
        }
        json.add("revenue_projection", b.revenueProjection() == null ? JsonValue.NULL : b.revenueProjection());
        nullable(json, "completed_at", b.completedAt() == null ? null : b.completedAt().toString());
        return json.build();
    }

    public static JsonObject summary(BusinessRecord b) {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder()
                .add("business_id", b.businessId())
                .add("business_type", b.businessType())
                .add("tenant_id", b.tenantId())
                .add("status", b.status().name())
                .add("name", b.requirements() == null ? "" : b.requirements().getString("name", ""))
                .add("created_at", b.createdAt().toString())
                .add("poll_url", "/api/businesses/" + b.businessId());
        nullable(json, "deployment_url", b.deploymentUrl());
        return json.build();
    }

    public static JsonObject task(BusinessTask task) {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder()
                .add("task_id", task.taskId())
                .add("runtime_task_id", task.runtimeTaskId())
                .add("task_type", task.taskType())
                .add("description", task.description())
                .add("status", task.status().sql())
                .add("critical", task.critical())
                .add("attempts", task.attempts());
        nullable(json, "agent", task.agentId());
        JsonArrayBuilder deps = JsonConventions.json().createArrayBuilder();
        task.dependsOn().forEach(deps::add);
        json.add("depends_on", deps);
        number(json, "difficulty", task.difficulty());
        nullable(json, "model_tier", task.modelTier());
        number(json, "estimated_cost", task.estimatedCost());
        number(json, "safety_score", task.safetyScore());
        number(json, "quality_score", task.qualityScore());
        json.add("result", task.result() == null ? JsonValue.NULL : task.result());
        nullable(json, "error", task.error());
        return json.build();
    }

    public static JsonObject transition(Transition t) {
        return JsonConventions.json().createObjectBuilder().add("state", t.state().name()).add("at", t.at().toString()).add("reason", t.reason()).build();
    }

    private static JsonObject orEmpty(JsonObject value) {
        return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
    }

    private static void nullable(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    private static void number(JsonObjectBuilder json, String key, Double value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
