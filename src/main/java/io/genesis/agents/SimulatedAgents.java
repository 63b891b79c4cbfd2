package io.genesis.agents;

import io.genesis.catalog.BusinessArchetypes;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default handler of every agent: the deterministic work of the agent's role ({@link AgentWork}), after a
 * simulated latency ({@link SimulatedLatency}: {@code genesis.simulation.latency-ms}, per agent
 * {@code genesis.simulation.latency-ms.<agent>}). While {@code genesis.simulation.enabled} is true, a task's
 * {@code content.simulate} may ask for {@code {"fail_times": N}} (fail the first N attempts),
 * {@code {"latency_ms": M}}, {@code {"fail_permanently": true}} or, for the QA agent, {@code {"tests_failed": N}}
 * so every runtime path can be exercised. It handles every agent, with the lowest priority: a dedicated handler of
 * an agent wins.
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
    Config config;

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    IdeaGenerator ideas;

    private SimulatedLatency latency;
    private AgentWork work;

    /** A failure the simulation was asked for. */
    public static final class SimulatedFailure extends Exception {
        SimulatedFailure(String message) {
            super(message, null, false, false);
        }
    }

    SimulatedAgents() {
    }

    SimulatedAgents(boolean simulationEnabled, SimulatedLatency latency, BusinessArchetypes archetypes, AgentWork work) {
        this.simulationEnabled = simulationEnabled;
        this.latency = latency;
        this.archetypes = archetypes;
        this.work = work;
    }

    @PostConstruct
    void init() {
        latency = new SimulatedLatency(defaultLatencyMs,
                agent -> config.getOptionalValue(SimulatedLatency.AGENT_KEY_PREFIX + agent, Long.class));
        work = new AgentWork(ideas);
    }

    @Override
    public boolean handles(String agent) {
        return true;
    }

    @Override
    public int priority() {
        return FALLBACK_PRIORITY;
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        return simulate(task);
    }

    /**
     * The simulated work of one task. Not a method of {@link AgentHandler}, so a handler that delegates a task here
     * does not pass it through the handlers' decorators a second time.
     */
    public AgentResult simulate(TaskContext task) throws Exception {
        String agent = task.policy().agent();
        JsonValue content = task.envelope().content();
        JsonObject hooks = simulationHooks(content);
        long millis = latency.millis(agent, hooks);
        if (millis > 0) {
            Thread.sleep(millis);
        }
        if (hooks.getBoolean("fail_permanently", false)) {
            throw new SimulatedFailure("simulated permanent failure of " + agent);
        }
        int failTimes = hooks.getInt("fail_times", 0);
        if (task.attempt() <= failTimes) {
            throw new SimulatedFailure("simulated failure " + task.attempt() + " of " + failTimes);
        }
        TaskBrief brief = TaskBrief.of(content, hooks, archetypes);
        return AgentResult.of(work.perform(agent, task.envelope().taskId(), task.attempt(), brief, content));
    }

    private JsonObject simulationHooks(JsonValue content) {
        if (simulationEnabled && content instanceof JsonObject object && object.get("simulate") instanceof JsonObject hooks) {
            return hooks;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
