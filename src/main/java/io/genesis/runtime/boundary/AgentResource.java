package io.genesis.runtime.boundary;

import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.GroupState;
import io.genesis.runtime.ops.TopicState;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /api/agents}: every agent with its topic, policy, consumer group, live bus counts and counters. */
@RolesAllowed(Roles.OPERATOR)
@Path("agents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @Inject
    AgentRegistry agents;

    @Inject
    BusReader bus;

    public record Agents(int count, List<AgentView> agents) {
    }

    public record AgentView(String name, String topic, String consumerGroup, Policy policy, Live live,
                            CounterView counters) {
    }

    public record Policy(int maxRetries, double retryDelaySeconds, int timeoutSeconds, int consumers) {
    }

    /**
     * Live counts: entries in the stream, entries delivered to the agent's group and not acknowledged, entries
     * not yet delivered to it ({@code lag}, when Redis reports it), dead letters, and the group's consumers.
     */
    public record Live(long streamLength, long pending, Long lag, long dlqDepth, List<Consumer> consumers) {
    }

    public record Consumer(String name, long pending, long idleMs) {
    }

    @Operation(summary = "Every agent with its policy and live counts",
            description = "Each agent's policy (retries, delay, timeout, consumers), its consumer group's live counts (stream length, pending, lag, consumers) and its topic's cumulative counters. Two pipelined Redis round trips.")
    @GET
    public Agents list() {
        List<AgentView> views = bus.topics(agents.all(), true).stream().map(AgentResource::view).toList();
        return new Agents(views.size(), views);
    }

    private static AgentView view(TopicState state) {
        AgentPolicy p = state.policy();
        List<Consumer> consumers = state.agentGroup().map(GroupState::consumers).orElse(List.of()).stream()
                .map(c -> new Consumer(c.name(), c.pending(), c.idleMs())).toList();
        Long lag = state.agentGroup().map(GroupState::lag).orElse(null);
        return new AgentView(p.agent(), p.topic(), p.consumerGroup(),
                new Policy(p.maxRetries(), p.retryDelaySeconds(), p.timeoutSeconds(), p.consumers()),
                new Live(state.length(), state.pending(), lag, state.deadLetterDepth(), consumers),
                CounterView.of(state.counters()));
    }
}
