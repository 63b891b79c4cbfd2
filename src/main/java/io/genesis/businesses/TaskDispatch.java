package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.TaskPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code advance} use case: publishes every ready task of a business (idempotently: a task's runtime id and
 * idempotency key are fixed) with its assignment, marks it published, and enters DEPLOYING when the deploy task starts.
 * Each DAG task carries {@code notify_topic = genesis.meta.orchestrate}, so its outcome comes back to the Meta-Agent.
 */
@ApplicationScoped
public class TaskDispatch {

    @Inject
    BusinessStore store;

    @Inject
    TaskPublisher publisher;

    @Inject
    AgentRegistry agents;

    @Inject
    MonitoringEvents monitoring;

    @Inject
    TaskAssignments assignments;

    /** Publishes every ready task of the business, then reports where it stands. */
    public JsonObject advance(String businessId) {
        BusinessRecord business = store.find(businessId).orElseThrow(() -> new IllegalStateException("no business " + businessId));
        return advance(business, business.status().terminal() ? List.of() : store.tasks(businessId));
    }

    /**
     * Publishes the ready ones of {@code tasks} (the business's task rows as they are now), marks them published in one
     * change, then reports where the business stands.
     */
    public JsonObject advance(BusinessRecord business, List<BusinessTask> tasks) {
        BusinessStatus status = business.status();
        List<BusinessTask> ready = status.terminal() ? List.of()
                : tasks.stream().filter(task -> task.status() == DagTaskStatus.READY).toList();
        if (!ready.isEmpty()) {
            String metaTopic = agents.byAgent(MetaAgentHandler.AGENT).map(AgentPolicy::topic).orElseThrow();
            for (BusinessTask task : ready) {
                publish(business, task, tasks, metaTopic);
            }
            status = store.change(business.businessId(), locked -> {
                for (BusinessTask task : ready) {
                    locked.markPublished(task.taskId());
                    if (locked.status() == BusinessStatus.EXECUTING && "deploy".equals(task.taskType())) {
                        locked.startDeploying("deploy task " + task.taskId() + " started on " + agentOf(task));
                    }
                }
                return locked.status();
            });
        }
        return JsonConventions.json().createObjectBuilder().add("business_id", business.businessId()).add("status", status.name()).build();
    }

    private void publish(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks, String metaTopic) {
        String agent = agentOf(task);
        AgentPolicy policy = agents.byAgent(agent).orElseThrow(() -> new IllegalStateException("agent " + agent + " is not registered"));
        publisher.publish(new Envelope(task.runtimeTaskId(), policy.topic(), assignments.content(business, task, tasks), null, null,
                business.businessId(), null, MetaAgentHandler.AGENT, business.tenantId(), 0, Instant.now().toString(), null,
                business.businessId(), "business-task-" + task.runtimeTaskId(), metaTopic));
        monitoring.emit(MonitoringEvents.Kind.COMPONENT_STARTED, business, Map.of("task_id", task.taskId(),
                "task_type", task.taskType(), "agent", agent));
    }

    private static String agentOf(BusinessTask task) {
        return task.agentId() == null ? MetaAgentHandler.AGENT : task.agentId();
    }
}
