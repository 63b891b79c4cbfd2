package io.genesis.runtime;

/** One delivery of a task as a handler sees it: the envelope, the agent's policy, the attempt number (from 1). */
public record TaskContext(Envelope envelope, AgentPolicy policy, int attempt, String workerId) {
}
