package io.genesis.runtime;

/**
 * One delivery of a task as a handler sees it: the envelope, the agent's policy, the attempt number (from 1), the
 * worker, and what the attempt has spent so far ({@link AttemptSpend}).
 */
public record TaskContext(Envelope envelope, AgentPolicy policy, int attempt, String workerId, AttemptSpend spend) {

    public TaskContext(Envelope envelope, AgentPolicy policy, int attempt, String workerId) {
        this(envelope, policy, attempt, workerId, new AttemptSpend());
    }
}
