package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The BusinessCreationResult of the guide (§17.2) in snake_case JSON, plus transitions and ids: {@code team_composition}
 * is the list of agent names, {@code execution_time_seconds} the time so far until the business ends.
 */
public final class BusinessViews {

    private BusinessViews() {
    }

    public static JsonObject result(BusinessRecord b, List<BusinessTask> tasks, List<Transition> transitions) {
        JsonArrayBuilder taskResults = JsonConventions.json().createArrayBuilder();
        tasks.forEach(task -> taskResults.add(task(task)));
        JsonObject team = b.teamComposition();
        JsonArrayBuilder history = JsonConventions.json().createArrayBuilder();
        transitions.forEach(t -> history.add(transition(t)));
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder()
                .add("business_id", b.businessId())
                .add("business_type", b.businessType())
                .add("tenant_id", b.tenantId())
                .add("status", b.status().name())
                .add("autonomous", b.autonomous())
                .add("requirements", orEmpty(b.requirements()))
                .add("team_composition", team == null ? JsonValue.EMPTY_JSON_ARRAY : team.get("agents"))
                .add("task_results", taskResults)
                .add("metadata", metadata(b, team))
                .add("transitions", history)
                .add("created_at", b.createdAt().toString());
        nullable(json, "deployment_url", b.deploymentUrl());
        nullable(json, "error_message", b.errorMessage());
        if (LiveMonitoring.watches(b)) {
            String monitoring = LiveMonitoring.taskId(b.businessId());
            json.add("live_monitoring", JsonConventions.json().createObjectBuilder().add("task_id", monitoring)
                    .add("poll_url", "/api/tasks/" + monitoring));
        }
        if (b.status() == BusinessStatus.WAITING_FOR_BUDGET && b.metadata() != null
                && b.metadata().get(TaskDispatch.BUDGET_WAIT) instanceof JsonObject wait) {
            json.add("waiting_for_budget", wait);
        }
        json.add("execution_time_seconds", b.executionTimeSeconds() != null ? b.executionTimeSeconds()
                : Duration.between(b.createdAt(), Instant.now()).toMillis() / 1000.0);
        json.add("revenue_projection", b.revenueProjection() == null ? JsonValue.NULL : b.revenueProjection());
        nullable(json, "completed_at", b.completedAt() == null ? null : b.completedAt().toString());
        return json.build();
    }

    /**
     * The stored metadata plus what the guide's result names: {@code team_size}, {@code similar_business_count}, and
     * the swarm's full answer ({@code swarm}: agents, fitness, iterations, method, explanation).
     */
    private static JsonObject metadata(BusinessRecord b, JsonObject team) {
        JsonObject stored = orEmpty(b.metadata());
        JsonObject memory = stored.get("memory") instanceof JsonObject recalled ? recalled : JsonValue.EMPTY_JSON_OBJECT;
        return JsonConventions.json().createObjectBuilder(stored)
                .add("team_size", team == null ? 0 : team.getJsonArray("agents").size())
                .add("similar_business_count", memory.getJsonNumber("similar_businesses") == null ? 0
                        : memory.getJsonNumber("similar_businesses").longValue())
                .add("swarm", orEmpty(team))
                .build();
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
        nullable(json, "model", task.model());
        number(json, "estimated_cost", task.estimatedCost());
        number(json, "safety_score", task.safetyScore());
        number(json, "quality_score", task.qualityScore());
        json.add("result", task.result() == null ? JsonValue.NULL : task.result());
        nullable(json, "error", task.error());
        if (task.metadata() != null && task.metadata().get("purchase_skipped") instanceof JsonObject skipped) {
            json.add("purchase_skipped", skipped);
        }
        return json.build();
    }

    /** {@code {"by_status": {<every status>: n}, "total": n}}: every status listed, 0 where there are none. */
    public static JsonObject statusCounts(Map<BusinessStatus, Long> counts) {
        JsonObjectBuilder byStatus = JsonConventions.json().createObjectBuilder();
        long total = 0;
        for (BusinessStatus status : BusinessStatus.values()) {
            long count = counts.getOrDefault(status, 0L);
            byStatus.add(status.name(), count);
            total += count;
        }
        return JsonConventions.json().createObjectBuilder().add("by_status", byStatus).add("total", total).build();
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
