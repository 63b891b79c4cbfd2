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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Once a business has succeeded and its site is live, the monitoring agent watches it: one {@value #AGENT} task of type
 * {@value #TASK_TYPE}, given the business and its deploy task's result (with the {@code deployment_url}) like a DAG task,
 * whose checks call the live URL ({@code sites.SiteChecks}). It is not a DAG task: in the DAG it would run before the
 * site is live (a site goes live with the business's SUCCESS, so a failed business never leaves one), and its checks
 * would only find nothing there. Its runtime task id is fixed per business ({@link #taskId}), shown on the business as
 * {@code live_monitoring}, and published once (idempotency key).
 */
@ApplicationScoped
public class LiveMonitoring {

    private static final Logger LOG = Logger.getLogger(LiveMonitoring.class.getName());
    static final String AGENT = "monitoring_agent";
    static final String TASK_TYPE = "monitor";

    @Inject
    BusinessStore store;

    @Inject
    TaskAssignments assignments;

    @Inject
    AgentRegistry agents;

    @Inject
    TaskPublisher publisher;

    /** The runtime task id of a business's live monitoring. */
    public static String taskId(String businessId) {
        return UUID.nameUUIDFromBytes(("live-monitoring:" + businessId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether the business gets live monitoring: it succeeded with a deployment URL. */
    static boolean watches(BusinessRecord business) {
        return business.status() == BusinessStatus.SUCCESS && business.deploymentUrl() != null;
    }

    /**
     * Publishes the business's monitoring task when it {@link #watches} it and the monitoring agent is registered. The
     * business is read again: the record a transition hands on has the new status but not the columns it wrote (the
     * deployment URL).
     */
    public void start(BusinessRecord ended) {
        Optional<AgentPolicy> policy = agents.byAgent(AGENT);
        if (ended.status() != BusinessStatus.SUCCESS || policy.isEmpty()) {
            return;
        }
        BusinessRecord business = store.find(ended.businessId()).filter(LiveMonitoring::watches).orElse(null);
        if (business == null) {
            return;
        }
        List<BusinessTask> tasks = store.tasks(business.businessId());
        List<String> deploys = tasks.stream().filter(task -> "deploy".equals(task.taskType()) && task.result() != null)
                .map(BusinessTask::taskId).toList();
        String id = taskId(business.businessId());
        BusinessTask watch = new BusinessTask(business.businessId(), business.businessId() + "_live_monitoring", id, tasks.size(),
                TASK_TYPE, "Monitor the live product at " + business.deploymentUrl()
                + ": uptime, server errors and latency checks against it, and the alerts on them.", AGENT, deploys, false,
                DagTaskStatus.READY, null, null, null, null, null, 0, null, null,
                JsonConventions.json().createObjectBuilder().add("phase", "live_monitoring").build(), null, null, null);
        JsonObject content = assignments.content(business, watch, tasks, null);
        publisher.publish(new Envelope(id, policy.get().topic(), content, null, null, business.businessId(), null,
                MetaAgentHandler.AGENT, business.tenantId(), 0, Instant.now().toString(), null, business.businessId(),
                "business-monitoring-" + business.businessId(), null));
        LOG.info("Business " + business.businessId() + " is live at " + business.deploymentUrl() + "; monitoring task " + id);
    }
}
