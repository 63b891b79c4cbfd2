package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One call of an agent's handler under the agent's real timeout: the {@link TimeoutWatchdog} interrupts the handler
 * when it overruns, and the call then ends in {@link TimedOut}. Used by the runtime's deliveries ({@link TaskRunner})
 * and by the synchronous in-request path ({@link InlineInvocation}).
 */
@ApplicationScoped
public class HandlerCall {

    @Inject
    HandlerRegistry handlers;

    @Inject
    TimeoutWatchdog watchdog;

    @Inject
    TaskTracing tracing;

    /** The handler overran the agent's timeout and was interrupted. */
    public static final class TimedOut extends Exception {
        TimedOut(int seconds) {
            super("timed out after " + seconds + " s", null, false, false);
        }
    }

    /** Calls the handler under its own span ({@link TaskTracing#handler}): what it publishes descends from it. */
    public AgentResult call(TaskContext context) throws Exception {
        TimeoutWatchdog.Alarm alarm = watchdog.arm(context.policy().timeoutSeconds());
        try (TaskTracing.Active handling = tracing.handler(context)) {
            try {
                return handlers.handlerFor(context.policy().agent()).handle(context);
            } catch (Exception e) {
                TaskTracing.failed(handling.span(), e);
                throw e;
            }
        } catch (Exception e) {
            if (alarm.disarm()) {
                throw new TimedOut(context.policy().timeoutSeconds());
            }
            throw e;
        } finally {
            // also when the handler threw an Error: the pooled thread must never get this alarm's interrupt later
            alarm.disarm();
        }
    }
}
