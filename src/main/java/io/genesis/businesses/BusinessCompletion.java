package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.economics.DeploymentUrls;
import io.genesis.economics.RevenueEstimate;
import io.genesis.economics.RevenueProjection;
import io.genesis.economics.SuccessCriteria;
import io.genesis.economics.SuccessVerdict;
import io.genesis.economics.TaskOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    MemoryRecaller memory;

    @Inject
    BusinessMetrics metrics;

    @Inject
    @ConfigProperty(name = "genesis.simulation.enabled")
    boolean simulation;

    /**
     * Applies the consequences of the latest task outcome; {@code failedTaskId} names the task that just failed, if any
     * ({@code tasks} already carries its outcome).
     */
    public void progress(BusinessStore.Changes tx, BusinessRecord business, List<BusinessTask> tasks, String failedTaskId)
            throws SQLException {
        String id = business.businessId();
        BusinessTask failed = failedTaskId == null ? null
                : tasks.stream().filter(t -> t.taskId().equals(failedTaskId)).findFirst().orElseThrow();
        if (failed != null && failed.critical()) {
            skipUnfinished(tx, id, tasks);
            JsonObject evolution = learning.learnFrom(business, failed, tasks);
            tx.setJson(id, "metadata", merged(business.metadata(), "evolution", evolution));
            String reason = "critical task " + failed.taskId() + " (" + failed.agentId() + ") failed: "
                    + (failed.error() == null ? "unknown error" : failed.error());
            tx.setOutcome(id, null, reason);
            tx.record(id, BusinessStatus.FAILED, reason);
            metrics.finished(business.businessType(), BusinessStatus.FAILED, elapsed(business));
            LOG.warning("Business " + id + " FAILED: " + reason);
            return;
        }
        List<BusinessTask> current = releaseReady(tx, id, tasks);
        if (current.stream().allMatch(task -> task.status().finished())) {
            finish(tx, business, current);
        }
    }

    /** Marks pending tasks whose dependencies are done as ready (or skipped, when a dependency can never complete). */
    private List<BusinessTask> releaseReady(BusinessStore.Changes tx, String id, List<BusinessTask> tasks) throws SQLException {
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
                tx.setStatus(id, task.taskId(), DagTaskStatus.SKIPPED);
                changed = true;
            } else if (done) {
                tx.setStatus(id, task.taskId(), DagTaskStatus.READY);
                changed = true;
            }
        }
        // skipping can cascade: recompute until stable
        return changed ? releaseReady(tx, id, tx.tasks(id)) : tasks;
    }

    private void finish(BusinessStore.Changes tx, BusinessRecord business, List<BusinessTask> tasks) throws SQLException {
        String id = business.businessId();
        List<TaskOutcome> outcomes = tasks.stream().map(BusinessCompletion::outcome).toList();
        SuccessVerdict verdict = criteria.evaluate(outcomes);
        boolean blocked = tasks.stream().anyMatch(task -> task.status() == DagTaskStatus.BLOCKED);
        JsonObject requirements = business.requirements() == null ? JsonValue.EMPTY_JSON_OBJECT : business.requirements();
        int features = JsonConventions.strings(requirements.getJsonArray("mvp_features")).size();
        int technologies = new HashSet<>(JsonConventions.strings(requirements.getJsonArray("tech_stack"))).size();
        int team = business.teamComposition() == null ? 1 : business.teamComposition().getJsonArray("agents").size();
        Duration elapsed = elapsed(business);
        RevenueEstimate projection = revenue.project(features, technologies, verdict.completionRate(), team,
                verdict.successful(), elapsed.toMillis() / 1000.0);
        String url = deploymentUrls.extract(id, outcomes, simulation).orElse(null);
        tx.setJson(id, "revenue_projection", projectionJson(projection));
        tx.setJson(id, "metadata", merged(business.metadata(), "success_criteria", JsonConventions.json().createObjectBuilder()
                .add("successful", verdict.successful()).add("reason", verdict.reason())
                .add("completed", verdict.completed()).add("total", verdict.total())
                .add("completion_rate", verdict.completionRate()).build()));
        BusinessStatus status = verdict.successful() ? BusinessStatus.SUCCESS : blocked ? BusinessStatus.BLOCKED : BusinessStatus.FAILED;
        tx.setOutcome(id, url, verdict.successful() ? null : verdict.reason());
        tx.record(id, status, verdict.reason());
        if (status == BusinessStatus.SUCCESS) {
            memory.rememberSuccess(business, requirements, projection, tasks.size());
        }
        metrics.finished(business.businessType(), status, elapsed);
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

    private static void skipUnfinished(BusinessStore.Changes tx, String id, List<BusinessTask> tasks) throws SQLException {
        Set<DagTaskStatus> open = Set.of(DagTaskStatus.PENDING, DagTaskStatus.READY, DagTaskStatus.AWAITING_APPROVAL);
        for (BusinessTask task : tasks) {
            if (open.contains(task.status())) {
                tx.setStatus(id, task.taskId(), DagTaskStatus.SKIPPED);
            }
        }
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
