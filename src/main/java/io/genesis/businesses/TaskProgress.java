package io.genesis.businesses;

import io.genesis.businesses.store.BusinessStore;
import io.genesis.runtime.PermanentFailure;
import io.genesis.runtime.TaskResultRow;
import io.genesis.runtime.TaskResultStore;
import io.genesis.runtime.TaskState;
import io.genesis.runtime.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code task_finished} use case: a DAG task's notice (success or not, delivered at least once) records its
 * outcome under the business's row lock and advances the business; a duplicate notice, or one for a task that is not
 * the business's, changes nothing. Then the ready tasks are published. A notice counts only when the runtime's own
 * record of the task (its Redis state, written in the same script as the notice, else its result row) confirms it:
 * terminal, with that status, for this business and tenant; anything else fails permanently, never applied.
 */
@ApplicationScoped
public class TaskProgress {

    @Inject
    BusinessStore store;

    @Inject
    BusinessCompletion completion;

    @Inject
    TaskDispatch dispatch;

    @Inject
    MonitoringEvents monitoring;

    @Inject
    BusinessEnd end;

    @Inject
    TaskStore runtimeTasks;

    @Inject
    TaskResultStore runtimeResults;

    /**
     * What one notice changed: the task it finished (null for a duplicate or another business's task), the status
     * before, the business and its task rows after.
     */
    private record Progress(BusinessTask task, BusinessStatus before, BusinessRecord after, List<BusinessTask> tasks) {
    }

    public JsonObject taskFinished(String businessId, String tenantId, JsonObject notice) throws PermanentFailure {
        String runtimeTaskId = confirmed(businessId, tenantId, notice);
        boolean ok = "completed".equals(notice.getString("status"));
        Progress progress = store.change(businessId, business -> {
            BusinessStatus before = business.status();
            List<BusinessTask> tasks = business.tasks();
            BusinessTask task = tasks.stream().filter(t -> t.runtimeTaskId().equals(runtimeTaskId)).findFirst().orElse(null);
            Double quality = notice.get("quality_score") instanceof JsonNumber n ? n.doubleValue() : null;
            if (task == null || !business.recordTaskOutcome(task.taskId(), ok ? DagTaskStatus.COMPLETED : DagTaskStatus.FAILED,
                    notice.getInt("attempts", 0), notice.get("result"), ok ? null : notice.getString("error",
                            notice.getString("status")), quality, notice.getString("model", null))) {
                return new Progress(null, before, business.current(), tasks); // not ours, or a duplicate notice
            }
            completion.progress(business, ok ? null : task.taskId());
            return new Progress(task, before, business.current(), business.tasks());
        });
        BusinessRecord after = progress.after();
        if (progress.task() != null) {
            monitoring.emit(ok ? MonitoringEvents.Kind.COMPONENT_COMPLETED : MonitoringEvents.Kind.COMPONENT_FAILED, after,
                    Map.of("task_id", progress.task().taskId(), "agent", String.valueOf(progress.task().agentId()),
                            "status", notice.getString("status")));
        }
        end.settled(after, progress.before());
        return dispatch.advance(after, progress.tasks());
    }

    /** The notice's task id, when the runtime's record of that task says what the notice says; else refused. */
    private String confirmed(String businessId, String tenantId, JsonObject notice) throws PermanentFailure {
        String taskId = notice.getString("task_id", null);
        String status = notice.getString("status", null);
        Optional<TaskState> state = taskId == null ? Optional.empty()
                : runtimeTasks.find(taskId).or(() -> runtimeResults.find(taskId).map(TaskResultRow::asState));
        if (state.filter(s -> s.taskStatus().terminal() && s.status().equals(status)
                && Objects.equals(s.businessId(), businessId) && Objects.equals(s.tenantId(), tenantId)).isEmpty()) {
            throw new PermanentFailure("task_finished notice for task " + taskId + " (" + status + ", business " + businessId
                    + ", tenant " + tenantId + ") is not what the runtime recorded for that task; not applied");
        }
        return taskId;
    }
}
