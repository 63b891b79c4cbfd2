package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the Meta-Agent hands an agent with a DAG task: the business's details, the task, the results of the tasks it
 * depends on (without their echoed inputs, so content stays small), the purchase it makes and its test hooks.
 */
@ApplicationScoped
public class TaskAssignments {

    @Inject
    BusinessPurchases purchases;

    public JsonObject content(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks) {
        Map<String, BusinessTask> byId = tasks.stream().collect(Collectors.toMap(BusinessTask::taskId, Function.identity()));
        JsonObject requirements = business.requirements() == null ? JsonValue.EMPTY_JSON_OBJECT : business.requirements();
        JsonObjectBuilder dependencies = JsonConventions.json().createObjectBuilder();
        for (String dep : task.dependsOn()) {
            BusinessTask done = byId.get(dep);
            if (done != null && done.result() != null) {
                dependencies.add(dep, withoutEcho(done.result()));
            }
        }
        JsonObjectBuilder content = JsonConventions.json().createObjectBuilder()
                .add("business_id", business.businessId())
                .add("business_type", business.businessType())
                .add("business_name", requirements.getString("name", business.businessType()))
                .add("description", requirements.getString("description", ""))
                .add("features", requirements.containsKey("mvp_features") ? requirements.get("mvp_features") : JsonValue.EMPTY_JSON_ARRAY)
                .add("tech_stack", requirements.containsKey("tech_stack") ? requirements.get("tech_stack") : JsonValue.EMPTY_JSON_ARRAY)
                .add("monetization", requirements.getString("monetization", ""))
                .add("target_market", requirements.getString("target_market", ""))
                .add("task", JsonConventions.json().createObjectBuilder()
                        .add("task_id", task.taskId())
                        .add("task_type", task.taskType())
                        .add("description", task.description())
                        .add("phase", task.metadata() == null ? "" : task.metadata().getString("phase", "")))
                .add("dependencies", dependencies);
        JsonObject hooks = simulationHooks(requirements, task.agentId());
        if (hooks != null) {
            content.add("simulate", hooks);
        }
        purchases.purchaseFor(business, task, tasks).ifPresent(purchase -> content.add("purchase", purchase));
        return content.build();
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
