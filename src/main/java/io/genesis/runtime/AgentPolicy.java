package io.genesis.runtime;

/**
 * How the runtime treats one agent: the topic it consumes, how often and how soon a failed task is retried,
 * how long one attempt may run, and how many of its tasks one worker handles at once.
 */
public record AgentPolicy(String agent, String topic, int maxRetries, double retryDelaySeconds, int timeoutSeconds,
                          int consumers) {

    public AgentPolicy {
        if (maxRetries < 0 || retryDelaySeconds < 0 || timeoutSeconds <= 0 || consumers <= 0) {
            throw new IllegalArgumentException("invalid policy for " + agent + ": max-retries and retry-delay-seconds must be"
                    + " >= 0, timeout-seconds and consumers > 0");
        }
    }

    /** Attempts a task gets before it is dead-lettered: the first one plus the retries. */
    public int maxAttempts() {
        return maxRetries + 1;
    }

    public long retryDelayMs() {
        return Math.round(retryDelaySeconds * 1000);
    }

    /** The consumer group of this agent: stable across restarts so its backlog is never lost. */
    public String consumerGroup() {
        return "group:" + agent;
    }
}
