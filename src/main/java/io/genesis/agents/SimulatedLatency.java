package io.genesis.agents;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How long an agent's simulated work takes: the task's {@code simulate.latency_ms} hook if it has one, else the
 * agent's {@code genesis.simulation.latency-ms.<agent>}, else {@code genesis.simulation.latency-ms}. Never negative.
 */
final class SimulatedLatency {

    static final String AGENT_KEY_PREFIX = "genesis.simulation.latency-ms.";

    private final long defaultMillis;
    private final Function<String, Optional<Long>> agentOverride;
    private final Map<String, Long> perAgent = new ConcurrentHashMap<>();

    /** @param agentOverride the configured latency of one agent, if any (looked up once per agent) */
    SimulatedLatency(long defaultMillis, Function<String, Optional<Long>> agentOverride) {
        if (defaultMillis < 0) {
            throw new IllegalArgumentException("genesis.simulation.latency-ms must not be negative");
        }
        this.defaultMillis = defaultMillis;
        this.agentOverride = agentOverride;
    }

    long millis(String agent, JsonObject hooks) {
        if (hooks.get("latency_ms") instanceof JsonNumber hook) {
            return Math.max(0, hook.longValue());
        }
        return perAgent.computeIfAbsent(agent, name -> {
            long configured = agentOverride.apply(name).orElse(defaultMillis);
            if (configured < 0) {
                throw new IllegalArgumentException(AGENT_KEY_PREFIX + name + " must not be negative");
            }
            return configured;
        });
    }
}
