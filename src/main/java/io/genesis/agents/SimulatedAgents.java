package io.genesis.agents;

import io.genesis.payments.TaskPurchases;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default handler of every agent: deterministic simulated work, with latency from
 * {@code genesis.simulation.latency-ms}. While {@code genesis.simulation.enabled} is true, a task's
 * {@code content.simulate} may ask for {@code {"fail_times": N}} (fail the first N attempts),
 * {@code {"latency_ms": M}} or {@code {"fail_permanently": true}} so every runtime path can be exercised.
 * A task whose content has a {@code purchase} object pays for it through {@link TaskPurchases} around that work.
 */
@ApplicationScoped
public class SimulatedAgents implements AgentHandler {

    @Inject
    @ConfigProperty(name = "genesis.simulation.enabled")
    boolean simulationEnabled;

    @Inject
    @ConfigProperty(name = "genesis.simulation.latency-ms")
    long defaultLatencyMs;

    @Inject
    TaskPurchases purchases;

    /** A failure the simulation was asked for. */
    public static final class SimulatedFailure extends Exception {
        SimulatedFailure(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public boolean handles(String agent) {
        return true;
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        if (task.envelope().content() instanceof JsonObject content && content.get("purchase") instanceof JsonObject purchase) {
            return purchases.around(task, purchase, () -> simulate(task));
        }
        return simulate(task);
    }

    private AgentResult simulate(TaskContext task) throws Exception {
        JsonObject hooks = simulationHooks(task.envelope().content());
        long latency = hooks.containsKey("latency_ms") ? hooks.getJsonNumber("latency_ms").longValue() : defaultLatencyMs;
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (hooks.getBoolean("fail_permanently", false)) {
            throw new SimulatedFailure("simulated permanent failure of " + task.policy().agent());
        }
        int failTimes = hooks.getInt("fail_times", 0);
        if (task.attempt() <= failTimes) {
            throw new SimulatedFailure("simulated failure " + task.attempt() + " of " + failTimes);
        }
        return AgentResult.of(Json.createObjectBuilder()
                .add("agent", task.policy().agent())
                .add("task_id", task.envelope().taskId())
                .add("attempt", task.attempt())
                .add("summary", task.policy().agent() + " handled a " + task.envelope().topic() + " task")
                .add("input", task.envelope().content())
                .build());
    }

    private JsonObject simulationHooks(JsonValue content) {
        if (simulationEnabled && content instanceof JsonObject object && object.get("simulate") instanceof JsonObject hooks) {
            return hooks;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
