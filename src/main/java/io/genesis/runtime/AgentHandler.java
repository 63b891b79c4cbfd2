package io.genesis.runtime;

/**
 * The work an agent does for one task. Implementations must be idempotent by task id (a task may be delivered
 * more than once), must stop promptly when interrupted (that is how timeouts and shutdown stop them), and signal
 * failure by throwing: the runtime then retries or dead-letters according to the agent's policy.
 * <p>
 * Several handlers may handle one agent: the one with the highest {@link #priority()} does its work (the first found
 * among equals). A fallback that handles every agent declares {@link #FALLBACK_PRIORITY}.
 */
public interface AgentHandler {

    /** The priority of a handler dedicated to its agents. */
    int DEFAULT_PRIORITY = 0;
    /** The priority of a handler that does any agent's work when no other handler does. */
    int FALLBACK_PRIORITY = Integer.MIN_VALUE;

    /** True if this handler does the work of that agent. */
    boolean handles(String agent);

    AgentResult handle(TaskContext task) throws Exception;

    /**
     * Higher wins among the handlers of one agent ({@link #DEFAULT_PRIORITY} for a dedicated handler). Abstract, not
     * a default method, so that abstract CDI decorators of handlers delegate it instead of inheriting a default.
     */
    int priority();
}
