package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the handler of an agent: of the {@link AgentHandler} beans that handle it, the one with the highest
 * priority. Resolved once per agent.
 */
@ApplicationScoped
public class HandlerRegistry {

    @Inject
    @Any
    Instance<AgentHandler> handlers;

    private final Map<String, AgentHandler> resolved = new ConcurrentHashMap<>();

    public AgentHandler handlerFor(String agent) {
        return resolved.computeIfAbsent(agent, name -> choose(handlers.stream(), name));
    }

    /** The handler of highest priority among those that handle the agent; the first found among equals. */
    static AgentHandler choose(Stream<AgentHandler> handlers, String agent) {
        return handlers.filter(handler -> handler.handles(agent))
                .max(Comparator.comparingInt(AgentHandler::priority))
                .orElseThrow(() -> new IllegalStateException("no handler for agent " + agent));
    }
}
