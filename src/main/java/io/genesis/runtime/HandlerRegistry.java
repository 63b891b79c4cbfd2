package io.genesis.runtime;

import io.genesis.agents.SimulatedAgents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the handler of an agent: a dedicated one if any bean handles it, else the simulated agents. */
@ApplicationScoped
public class HandlerRegistry {

    @Inject
    @Any
    Instance<AgentHandler> handlers;

    @Inject
    SimulatedAgents simulated;

    private final Map<String, AgentHandler> resolved = new ConcurrentHashMap<>();

    public AgentHandler handlerFor(String agent) {
        return resolved.computeIfAbsent(agent, name -> handlers.stream()
                .filter(handler -> !(handler instanceof SimulatedAgents) && handler.handles(name))
                .findFirst()
                .orElse(simulated));
    }
}
