package io.genesis.businesses;

import io.genesis.runtime.TaskResultRow;
import io.genesis.runtime.TaskResultStore;
import io.genesis.runtime.TaskTracing;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * The one trace of a business, for work on it that runs outside its tasks (the budget-wait sweep and a budget change,
 * an approver's decision, the stalled-business sweep): {@link #enter} makes current the context the business's
 * {@code create} message was published under, as its result row records it ({@code omnidaemon_task_results.traceparent}),
 * so whatever that work publishes is a child of that publish, in the business's trace, and its log lines name that
 * trace. A business whose create message has no row yet (still INITIALIZING) keeps the current context.
 */
@ApplicationScoped
public class BusinessTrace {

    private static final Logger LOG = Logger.getLogger(BusinessTrace.class.getName());

    @Inject
    TaskResultStore results;

    /** Makes the trace of {@code businessId} current until the scope is closed (nothing changes when it is not known). */
    public Scope enter(String businessId) {
        String traceparent = null;
        try {
            traceparent = results.find(BusinessPlanner.runtimeTaskId(businessId, "create")).map(TaskResultRow::traceparent)
                    .orElse(null);
        } catch (RuntimeException unreadable) { // tracing is advice: the work goes on in the current context
            LOG.fine(() -> "trace of " + businessId + " not read: " + unreadable.getMessage());
        }
        return TaskTracing.within(traceparent, null);
    }
}
