package io.genesis.businesses;

import io.genesis.businesses.store.BusinessStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The approvals use case: human decisions on tasks the safety gate held (supervised businesses). Approved tasks rejoin
 * the DAG; rejected ones are blocked (their dependents are skipped and the business ends BLOCKED).
 */
@ApplicationScoped
public class BusinessApprovals {

    /** What deciding did. */
    public enum Outcome { DECIDED, NO_SUCH_TASK, NOT_PENDING }

    @Inject
    BusinessStore store;

    @Inject
    BusinessCompletion completion;

    @Inject
    TaskDispatch dispatch;

    @Inject
    BusinessEnd end;

    public Outcome decide(String businessId, String taskId, boolean approve, String decidedBy, String comment) {
        Outcome outcome = store.change(businessId, business -> {
            BusinessTask task = business.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElse(null);
            if (task == null) {
                return Outcome.NO_SUCH_TASK;
            }
            if (task.status() != DagTaskStatus.AWAITING_APPROVAL || !business.decideApproval(taskId, approve, decidedBy, comment)) {
                return Outcome.NOT_PENDING;
            }
            completion.progress(business, null);
            return Outcome.DECIDED;
        });
        if (outcome == Outcome.DECIDED) {
            BusinessRecord now = store.find(businessId).orElseThrow();
            if (now.status().terminal()) {
                end.announce(now);
            }
            dispatch.advance(businessId);
        }
        return outcome;
    }
}
