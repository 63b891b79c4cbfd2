package io.genesis.businesses;

import io.genesis.businesses.store.BusinessStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

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
        Decision decision = store.change(businessId, business -> {
            BusinessStatus before = business.status();
            BusinessTask task = business.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElse(null);
            if (task == null) {
                return new Decision(Outcome.NO_SUCH_TASK, before, null, null);
            }
            if (task.status() != DagTaskStatus.AWAITING_APPROVAL || !business.decideApproval(taskId, approve, decidedBy, comment)) {
                return new Decision(Outcome.NOT_PENDING, before, null, null);
            }
            completion.progress(business, null);
            return new Decision(Outcome.DECIDED, before, business.current(), business.tasks());
        });
        if (decision.outcome() == Outcome.DECIDED) {
            end.settled(decision.after(), decision.before());
            dispatch.advance(decision.after(), decision.tasks());
        }
        return decision.outcome();
    }

    /** What the decision's transaction left: the outcome and, when decided, the business and its task rows after. */
    private record Decision(Outcome outcome, BusinessStatus before, BusinessRecord after, List<BusinessTask> tasks) {
    }
}
