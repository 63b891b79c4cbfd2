package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.catalog.TaskAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the {@link TaskAssignment} the Meta-Agent hands an agent with a DAG task: the business's finalised
 * requirements, the task and its DAAO model tier, the results of the tasks it depends on (without their echoed
 * inputs, so content stays small), the purchase it makes, its test hooks and the memory recall of the business's plan.
 */
@ApplicationScoped
public class TaskAssignments {

    /** The assignment; {@code purchase} is what the task buys (null: nothing, or a purchase the planning skipped). */
    public JsonObject content(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks, JsonObject purchase) {
        Map<String, BusinessTask> byId = tasks.stream().collect(Collectors.toMap(BusinessTask::taskId, Function.identity()));
        Map<String, JsonValue> dependencies = new LinkedHashMap<>();
        for (String dep : task.dependsOn()) {
            BusinessTask done = byId.get(dep);
            if (done != null && done.result() != null) {
                dependencies.put(dep, withoutEcho(done.result()));
            }
        }
        JsonObject requirements = business.requirements() == null ? JsonValue.EMPTY_JSON_OBJECT : business.requirements();
        TaskAssignment.Business details = TaskAssignment.parse(requirements).business();
        TaskAssignment.Business about = new TaskAssignment.Business(business.businessId(), business.businessType(),
                details.name() == null ? business.businessType() : details.name(), details.description(),
                details.targetAudience(), details.monetization(), details.mvpFeatures(), details.techStack(),
                details.successMetrics(), details.estimatedTime());
        TaskAssignment.Task work = new TaskAssignment.Task(task.taskId(), task.taskType(), task.description(),
                task.metadata() == null ? null : task.metadata().getString("phase", null), task.modelTier());
        return new TaskAssignment(about, work, dependencies, purchase,
                simulationHooks(requirements, task.agentId()), memoryHint(business)).toJson();
    }

    /** What memory recalled of similar businesses when the business was planned, in the agents' names; null if nothing. */
    private static JsonObject memoryHint(BusinessRecord business) {
        if (business.metadata() == null || !(business.metadata().get("memory") instanceof JsonObject memory)
                || memory.getJsonNumber("similar_businesses") == null || memory.getJsonNumber("similar_businesses").longValue() == 0) {
            return null;
        }
        return JsonConventions.json().createObjectBuilder()
                .add("similar_count", memory.getJsonNumber("similar_businesses").longValue())
                .add("similar_names", memory.get("examples") instanceof JsonArray names ? names : JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    /** A dependency's result without the copy of its own input (which holds its dependencies). */
    private static JsonValue withoutEcho(JsonValue result) {
        if (!(result instanceof JsonObject object) || !object.containsKey("input")) {
            return result;
        }
        return JsonConventions.json().createObjectBuilder(object).remove("input").build();
    }

    /**
     * Test hook: {@code requirements.simulate = {"<agent>" | "*": {fail_times, latency_ms, fail_permanently}}} is passed
     * to that agent's tasks (the simulated agents honour it only while {@code genesis.simulation.enabled}).
     */
    private static JsonObject simulationHooks(JsonObject requirements, String agent) {
        if (!(requirements.get("simulate") instanceof JsonObject simulate)) {
            return null;
        }
        if (agent != null && simulate.get(agent) instanceof JsonObject hooks) {
            return hooks;
        }
        return simulate.get("*") instanceof JsonObject hooks ? hooks : null;
    }
}
