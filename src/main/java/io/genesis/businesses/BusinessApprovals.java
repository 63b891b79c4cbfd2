package io.genesis.businesses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.List;

/**
 * Human decisions on tasks the safety gate held (supervised businesses). Approved tasks rejoin the DAG; rejected
 * ones are blocked (their dependents are skipped and the business ends BLOCKED).
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
    BusinessOrchestrator orchestrator;

    public Outcome decide(String businessId, String taskId, boolean approve, String decidedBy, String comment) throws SQLException {
        Outcome outcome = store.inTransaction(tx -> {
            BusinessRecord business = tx.lock(businessId);
            List<BusinessTask> tasks = tx.tasks(businessId);
            BusinessTask task = tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElse(null);
            if (task == null) {
                return Outcome.NO_SUCH_TASK;
            }
            if (task.status() != DagTaskStatus.AWAITING_APPROVAL || business.status().terminal()
                    || !tx.decideApproval(businessId, taskId, approve, decidedBy, comment)) {
                return Outcome.NOT_PENDING;
            }
            tx.setStatus(businessId, taskId, approve ? DagTaskStatus.PENDING : DagTaskStatus.BLOCKED);
            completion.progress(tx, business, tx.tasks(businessId), null);
            return Outcome.DECIDED;
        });
        if (outcome == Outcome.DECIDED) {
            BusinessRecord now = store.find(businessId).orElseThrow();
            if (now.status().terminal()) {
                orchestrator.finished(now);
            }
            orchestrator.advance(businessId);
        }
        return outcome;
    }
}
