package io.genesis.businesses;

import io.genesis.businesses.store.BusinessStore;
import io.genesis.payments.PurchasePlans;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.logging.Logger;

/**
 * The approvals use case: human decisions on tasks the safety gate held (supervised businesses). Approved tasks rejoin
 * the DAG; rejected ones are blocked (their dependents are skipped and the business ends BLOCKED). A business
 * WAITING_FOR_BUDGET is decided on through the task it waits for: approving lets it go on without that purchase (the
 * plan is recorded skipped, with who waived it, and the business resumes at once); rejecting leaves it waiting for a
 * budget raise or the next budget day. What a decision publishes joins the business's trace ({@link BusinessTrace}).
 */
@ApplicationScoped
public class BusinessApprovals {

    /**
     * What deciding did: a held task decided; no such task; nothing pending for it; a business waiting for budget let go
     * on without the purchase its task waits for; a rejection of that, which leaves it waiting.
     */
    public enum Outcome { DECIDED, NO_SUCH_TASK, NOT_PENDING, GO_ON_WITHOUT_PURCHASE, STILL_WAITING }

    private static final Logger LOG = Logger.getLogger(BusinessApprovals.class.getName());

    @Inject
    BusinessStore store;

    @Inject
    BusinessCompletion completion;

    @Inject
    TaskDispatch dispatch;

    @Inject
    BusinessEnd end;

    @Inject
    PurchasePlans plans;

    @Inject
    BusinessTrace trace;

    public Outcome decide(String businessId, String taskId, boolean approve, String decidedBy, String comment) {
        Decision decision = store.change(businessId, business -> {
            BusinessStatus before = business.status();
            BusinessTask task = business.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElse(null);
            if (task == null) {
                return new Decision(Outcome.NO_SUCH_TASK, before, null, null);
            }
            if (before == BusinessStatus.WAITING_FOR_BUDGET && taskId.equals(waitingTask(business.business()))) {
                return new Decision(approve ? Outcome.GO_ON_WITHOUT_PURCHASE : Outcome.STILL_WAITING, before, business.current(),
                        business.tasks());
            }
            if (task.status() != DagTaskStatus.AWAITING_APPROVAL || !business.decideApproval(taskId, approve, decidedBy, comment)) {
                return new Decision(Outcome.NOT_PENDING, before, null, null);
            }
            completion.progress(business, null);
            return new Decision(Outcome.DECIDED, before, business.current(), business.tasks());
        });
        if (decision.outcome() == Outcome.DECIDED) {
            try (Scope traced = trace.enter(businessId)) {
                end.settled(decision.after(), decision.before());
                dispatch.advance(decision.after(), decision.tasks());
            }
        } else if (decision.outcome() == Outcome.GO_ON_WITHOUT_PURCHASE) {
            BusinessRecord business = decision.after();
            String reason = "waived by " + decidedBy + " while the business waited for budget"
                    + (comment == null || comment.isBlank() ? "" : ": " + comment);
            if (!plans.waive(business.tenantId(), businessId, taskId, reason)) {
                return Outcome.NOT_PENDING; // planned meanwhile (a budget was raised): nothing waits any more
            }
            try (Scope traced = trace.enter(businessId)) {
                LOG.info("Business " + businessId + ": task " + taskId + "'s purchase " + reason + "; planning it again");
                dispatch.advance(business, decision.tasks());
            }
        }
        return decision.outcome();
    }

    /** The task a business WAITING_FOR_BUDGET waits for (its metadata's budget wait), or null. */
    private static String waitingTask(BusinessRecord business) {
        return business.metadata() != null && business.metadata().get(TaskDispatch.BUDGET_WAIT) instanceof JsonObject wait
                ? wait.getString("task_id", null) : null;
    }

    /** What the decision's transaction left: the outcome and, when decided, the business and its task rows after. */
    private record Decision(Outcome outcome, BusinessStatus before, BusinessRecord after, List<BusinessTask> tasks) {
    }
}
