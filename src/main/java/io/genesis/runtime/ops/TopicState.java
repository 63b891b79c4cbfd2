package io.genesis.runtime.ops;

import io.genesis.runtime.AgentPolicy;

import java.util.List;
import java.util.Optional;

/** Live state of one agent's topic: its stream, the stream's groups, its dead letters and cumulative counters. */
public record TopicState(AgentPolicy policy, String stream, long length, List<GroupState> groups, String deadLetterStream,
                         long deadLetterDepth, TopicCounters counters) {

    /** The agent's own consumer group, once a consumer has created it. */
    public Optional<GroupState> agentGroup() {
        return groups.stream().filter(group -> group.name().equals(policy.consumerGroup())).findFirst();
    }

    /** Entries delivered to the agent's group and not yet acknowledged. */
    public long pending() {
        return agentGroup().map(GroupState::pending).orElse(0L);
    }
}
