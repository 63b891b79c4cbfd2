package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.economics.DeploymentUrls;
import io.genesis.economics.RevenueEstimate;
import io.genesis.economics.RevenueProjection;
import io.genesis.economics.SuccessCriteria;
import io.genesis.economics.SuccessVerdict;
import io.genesis.economics.TaskOutcome;
import io.genesis.businesses.store.BusinessLifecycle;
import io.genesis.businesses.store.MetaAgentMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Advances a business after one of its tasks finished, inside the business's transaction: a critical failure fails
 * it (and SE-Darwin learns from the failure); otherwise tasks whose dependencies are done become ready; when nothing
 * is left, the success criteria, the revenue projection (by the Genesis formula) and the deployment URL finish it.
 */
@ApplicationScoped
public class BusinessCompletion {

    private static final Logger LOG = Logger.getLogger(BusinessCompletion.class.getName());

    @Inject
    SuccessCriteria criteria;

    @Inject
    RevenueProjection revenue;

    @Inject
    DeploymentUrls deploymentUrls;

    @Inject
    FailureLearning learning;

    @Inject
    MetaAgentMemory memory;

    @Inject
    BusinessMetrics metrics;

    @Inject
    @ConfigProperty(name = "genesis.simulation.enabled")
    boolean simulation;

    /**
     * Applies the consequences of the latest task outcome or approval decision to the locked business; {@code failedTaskId}
     * names the task that just failed, if any (its outcome is already recorded).
     */
    public void progress(BusinessLifecycle business, String failedTaskId) {
        if (business.status().terminal()) {
            return;
        }
        List<BusinessTask> tasks = business.tasks();
        BusinessTask failed = failedTaskId == null ? null
                : tasks.stream().filter(t -> t.taskId().equals(failedTaskId)).findFirst().orElseThrow();
        if (failed != null && failed.critical()) {
            failCritical(business, failed, tasks);
            return;
        }
        List<BusinessTask> current = releaseReady(business, tasks);
        if (current.stream().allMatch(task -> task.status().finished())) {
            finish(business, current);
        }
    }

    /** A critical task failed: what has not run is skipped, SE-Darwin learns from the failure, the business fails. */
    private void failCritical(BusinessLifecycle business, BusinessTask failed, List<BusinessTask> tasks) {
        BusinessRecord record = business.business();
        tasks.stream().filter(task -> !task.status().finished() && task.status() != DagTaskStatus.PUBLISHED)
                .forEach(task -> business.skipTask(task.taskId()));
        JsonObject evolution = learning.learnFrom(record, failed);
        String reason = "critical task " + failed.taskId() + " (" + failed.agentId() + ") failed: "
                + (failed.error() == null ? "unknown error" : failed.error());
        business.fail(reason, merged(record.metadata(), "evolution", evolution));
        metrics.finished(record.businessType(), BusinessStatus.FAILED, elapsed(record));
        LOG.warning("Business " + record.businessId() + " FAILED: " + reason);
    }

    /** Marks pending tasks whose dependencies are done as ready (or skipped, when a dependency can never complete). */
    private List<BusinessTask> releaseReady(BusinessLifecycle business, List<BusinessTask> tasks) {
        Map<String, BusinessTask> byId = new HashMap<>();
        tasks.forEach(task -> byId.put(task.taskId(), task));
        boolean changed = false;
        for (BusinessTask task : tasks) {
            if (task.status() != DagTaskStatus.PENDING) {
                continue;
            }
            boolean dead = task.dependsOn().stream().map(byId::get).anyMatch(dep -> dep == null
                    || dep.status() == DagTaskStatus.BLOCKED || dep.status() == DagTaskStatus.SKIPPED);
            boolean done = task.dependsOn().stream().map(byId::get).allMatch(dep -> dep != null
                    && (dep.status() == DagTaskStatus.COMPLETED || (dep.status() == DagTaskStatus.FAILED && !dep.critical())));
            if (dead) {
                business.skipTask(task.taskId());
                changed = true;
            } else if (done) {
                business.releaseTask(task.taskId());
                changed = true;
            }
        }
        // skipping can cascade: recompute until stable
        return changed ? releaseReady(business, business.tasks()) : tasks;
    }

    private void finish(BusinessLifecycle business, List<BusinessTask> tasks) {
        BusinessRecord record = business.business();
        String id = record.businessId();
        List<TaskOutcome> outcomes = tasks.stream().map(BusinessCompletion::outcome).toList();
        SuccessVerdict verdict = criteria.evaluate(outcomes);
        boolean blocked = tasks.stream().anyMatch(task -> task.status() == DagTaskStatus.BLOCKED);
        JsonObject requirements = record.requirements() == null ? JsonValue.EMPTY_JSON_OBJECT : record.requirements();
        int features = JsonConventions.strings(requirements.getJsonArray("mvp_features")).size();
        int technologies = new HashSet<>(JsonConventions.strings(requirements.getJsonArray("tech_stack"))).size();
        int team = record.teamComposition() == null ? 1 : record.teamComposition().getJsonArray("agents").size();
        Duration elapsed = elapsed(record);
        RevenueEstimate projection = revenue.project(features, technologies, verdict.completionRate(), team,
                verdict.successful(), elapsed.toMillis() / 1000.0);
        String url = deploymentUrls.extract(id, outcomes, simulation).orElse(null);
        JsonObject metadata = merged(record.metadata(), "success_criteria", JsonConventions.json().createObjectBuilder()
                .add("successful", verdict.successful()).add("reason", verdict.reason())
                .add("completed", verdict.completed()).add("total", verdict.total())
                .add("completion_rate", verdict.completionRate()).build());
        BusinessStatus status = verdict.successful() ? BusinessStatus.SUCCESS : blocked ? BusinessStatus.BLOCKED : BusinessStatus.FAILED;
        business.finish(status, verdict.reason(), url, projectionJson(projection), metadata);
        if (status == BusinessStatus.SUCCESS) {
            memory.rememberSuccess(record, requirements, projection, tasks.size());
        }
        metrics.finished(record.businessType(), status, elapsed);
        metrics.projected(projection.projectedMonthlyRevenue());
        LOG.info("Business " + id + " " + status + ": " + verdict.reason() + "; projected MRR $" + projection.projectedMonthlyRevenue());
    }

    private static TaskOutcome outcome(BusinessTask task) {
        TaskOutcome.Status status = switch (task.status()) {
            case COMPLETED -> TaskOutcome.Status.COMPLETED;
            case BLOCKED -> TaskOutcome.Status.BLOCKED;
            default -> TaskOutcome.Status.FAILED;
        };
        JsonObject result = task.result() instanceof JsonObject object ? object : null;
        return new TaskOutcome(task.taskId(), status, task.critical(), result);
    }

    static JsonObject projectionJson(RevenueEstimate projection) {
        var assumptions = JsonConventions.json().createArrayBuilder();
        projection.assumptions().forEach(assumptions::add);
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder()
                .add("projected_monthly_revenue", projection.projectedMonthlyRevenue())
                .add("confidence", projection.confidence())
                .add("status", projection.status())
                .add("assumptions", assumptions)
                .add("completion_rate", projection.completionRate());
        if (projection.paybackPeriodDays() == null) {
            json.addNull("payback_period_days");
        } else {
            json.add("payback_period_days", projection.paybackPeriodDays());
        }
        return json.build();
    }

    static JsonObject merged(JsonObject base, String key, JsonObject value) {
        JsonObjectBuilder merged = JsonConventions.json().createObjectBuilder(base == null ? JsonValue.EMPTY_JSON_OBJECT : base);
        return merged.add(key, value).build();
    }

    private static Duration elapsed(BusinessRecord business) {
        return Duration.between(business.createdAt(), Instant.now());
    }
}
