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
        BusinessStatus status = business.status();
        if (!status.terminal()) {
            List<BusinessTask> tasks = store.tasks(businessId);
            for (BusinessTask task : tasks) {
                if (task.status() == DagTaskStatus.READY) {
                    status = publish(business, task, tasks);
                }
            }
        }
        return JsonConventions.json().createObjectBuilder().add("business_id", businessId).add("status", status.name()).build();
    }

    /** Publishes one ready task and marks it published; returns the business's status afterwards. */
    private BusinessStatus publish(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks) {
        String agent = task.agentId() == null ? MetaAgentHandler.AGENT : task.agentId();
        AgentPolicy policy = agents.byAgent(agent).orElseThrow(() -> new IllegalStateException("agent " + agent + " is not registered"));
        String meta = agents.byAgent(MetaAgentHandler.AGENT).map(AgentPolicy::topic).orElseThrow();
        Envelope envelope = new Envelope(task.runtimeTaskId(), policy.topic(), assignments.content(business, task, tasks), null, null,
                business.businessId(), null, MetaAgentHandler.AGENT, business.tenantId(), 0, Instant.now().toString(), null,
                business.businessId(), "business-task-" + task.runtimeTaskId(), meta);
        publisher.publish(envelope);
        monitoring.emit(MonitoringEvents.Kind.COMPONENT_STARTED, business, Map.of("task_id", task.taskId(),
                "task_type", task.taskType(), "agent", agent));
        return store.change(business.businessId(), locked -> {
            locked.markPublished(task.taskId());
            if (locked.status() == BusinessStatus.EXECUTING && "deploy".equals(task.taskType())) {
                locked.startDeploying("deploy task " + task.taskId() + " started on " + agent);
            }
            return locked.status();
        });
    }
}
