package io.genesis.runtime;

/**
 * The work an agent does for one task. Implementations must be idempotent by task id (a task may be delivered
 * more than once), must stop promptly when interrupted (that is how timeouts and shutdown stop them), and signal
 * failure by throwing: the runtime then retries or dead-letters according to the agent's policy.
 */
public interface AgentHandler {

    /** True if this handler does the work of that agent. */
    boolean handles(String agent);

    AgentResult handle(TaskContext task) throws Exception;
}
