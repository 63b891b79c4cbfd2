package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessLifecycle;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.payments.PurchasePlan;
import io.genesis.payments.PurchasePlans;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.TaskPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@code advance} use case: publishes every ready task of a business (idempotently: a task's runtime id and
 * idempotency key are fixed) with its assignment, marks it published, and enters DEPLOYING when the deploy task starts.
 * Each DAG task carries {@code notify_topic = genesis.meta.orchestrate}, so its outcome comes back to the Meta-Agent.
 * A task that buys something is planned against the budgets first ({@link PurchasePlans}): covered, it buys; an optional
 * purchase not covered is skipped (the task runs without it, the reason goes on the task); a required one not covered
 * keeps the task unpublished and the business WAITING_FOR_BUDGET, with the budget that blocks it in its metadata
 * ({@code budget_wait}), until a later advance finds it covered.
 */
@ApplicationScoped
public class TaskDispatch {

    private static final Logger LOG = Logger.getLogger(TaskDispatch.class.getName());

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

    @Inject
    BusinessPurchases purchases;

    @Inject
    PurchasePlans plans;

    /** Publishes every ready task of the business, then reports where it stands. */
    public JsonObject advance(String businessId) {
        BusinessRecord business = store.find(businessId).orElseThrow(() -> new IllegalStateException("no business " + businessId));
        return advance(business, business.status().terminal() ? List.of() : store.tasks(businessId));
    }

    /**
     * Publishes the ready ones of {@code tasks} (the business's task rows as they are now) whose purchases are covered or
     * skipped, marks them published in one change, waits for budget or resumes, then reports where the business stands.
     */
    public JsonObject advance(BusinessRecord business, List<BusinessTask> tasks) {
        BusinessStatus status = business.status();
        List<BusinessTask> ready = status.terminal() ? List.of()
                : tasks.stream().filter(task -> task.status() == DagTaskStatus.READY).toList();
        if (!ready.isEmpty()) {
            String metaTopic = agents.byAgent(MetaAgentHandler.AGENT).map(AgentPolicy::topic).orElseThrow();
            List<BusinessTask> published = new ArrayList<>();
            Map<String, PurchasePlan> skipped = new LinkedHashMap<>();
            Map<String, PurchasePlan> waiting = new LinkedHashMap<>();
            for (BusinessTask task : ready) {
                JsonObject purchase = null;
                Optional<BusinessPurchases.Purchase> wanted = purchases.purchaseFor(task, tasks);
                if (wanted.isPresent()) {
                    PurchasePlan plan = plans.plan(new PurchasePlans.Wanted(business.tenantId(), business.businessId(), task.taskId(),
                            task.runtimeTaskId(), agentOf(task), wanted.get().vendorId(), wanted.get().required()));
                    switch (plan.outcome()) {
                        case COVERED -> purchase = purchases.purchaseJson(business, task, wanted.get());
                        case SKIPPED -> skipped.put(task.taskId(), plan);
                        case WAITING -> waiting.put(task.taskId(), plan);
                    }
                    if (plan.outcome() == PurchasePlan.Outcome.WAITING) {
                        continue;
                    }
                }
                publish(business, task, tasks, metaTopic, purchase);
                published.add(task);
            }
            status = store.change(business.businessId(), locked -> {
                for (BusinessTask task : published) {
                    if (locked.markPublished(task.taskId()) && skipped.containsKey(task.taskId())) {
                        locked.notePurchaseSkipped(task.taskId(), skippedJson(skipped.get(task.taskId())));
                    }
                    if (locked.status() == BusinessStatus.EXECUTING && "deploy".equals(task.taskType())) {
                        locked.startDeploying("deploy task " + task.taskId() + " started on " + agentOf(task));
                    }
                }
                budget(locked, waiting);
                return locked.status();
            });
        }
        return JsonConventions.json().createObjectBuilder().add("business_id", business.businessId()).add("status", status.name()).build();
    }

    /**
     * Waits for budget when a required purchase of a task that is still ready was not covered; resumes a waiting business
     * when none was (every ready task was just planned, so that is what the budgets allow now).
     */
    private void budget(BusinessLifecycle locked, Map<String, PurchasePlan> waiting) {
        List<BusinessTask> tasks = locked.tasks();
        Map.Entry<String, PurchasePlan> blocked = waiting.entrySet().stream()
                .filter(entry -> tasks.stream().anyMatch(t -> t.taskId().equals(entry.getKey()) && t.status() == DagTaskStatus.READY))
                .findFirst().orElse(null);
        BusinessStatus status = locked.status();
        JsonObject metadata = locked.business().metadata() == null ? JsonValue.EMPTY_JSON_OBJECT : locked.business().metadata();
        if (blocked != null && (status == BusinessStatus.EXECUTING || status == BusinessStatus.DEPLOYING)) {
            PurchasePlan plan = blocked.getValue();
            locked.waitForBudget("task " + blocked.getKey() + " needs " + plan.vendorId() + ": " + plan.reason(),
                    JsonConventions.json().createObjectBuilder(metadata).add(BUDGET_WAIT, waitJson(blocked.getKey(), plan)).build());
            LOG.info("Business " + locked.id() + " WAITING_FOR_BUDGET: " + plan.reason());
        } else if (blocked == null && status == BusinessStatus.WAITING_FOR_BUDGET) {
            boolean deploying = tasks.stream().anyMatch(t -> "deploy".equals(t.taskType())
                    && t.status() != DagTaskStatus.PENDING && t.status() != DagTaskStatus.READY);
            JsonObject waited = metadata.get(BUDGET_WAIT) instanceof JsonObject wait ? wait : JsonValue.EMPTY_JSON_OBJECT;
            locked.resumeAfterBudget(deploying ? BusinessStatus.DEPLOYING : BusinessStatus.EXECUTING, "budget covers what the business waited for",
                    JsonConventions.json().createObjectBuilder(metadata).remove(BUDGET_WAIT).add(LAST_BUDGET_WAIT,
                            JsonConventions.json().createObjectBuilder(waited).add("resumed_at", Instant.now().toString())).build());
            LOG.info("Business " + locked.id() + " resumed after waiting for budget");
        }
    }

    /** Metadata keys: the budget a waiting business waits for, and the last wait it came out of. */
    static final String BUDGET_WAIT = "budget_wait";
    static final String LAST_BUDGET_WAIT = "last_budget_wait";

    private static JsonObject waitJson(String taskId, PurchasePlan plan) {
        PurchasePlan.BudgetBlock block = plan.block();
        return JsonConventions.json().createObjectBuilder()
                .add("task_id", taskId)
                .add("vendor", plan.vendorId())
                .add("budget", block.budget())
                .add("agent", block.agentId())
                .add("tenant_id", block.tenantId())
                .add("needed_cents", block.neededCents())
                .add("left_cents", block.leftCents())
                .add("limit_cents", block.limitCents())
                .add("day", block.day().toString())
                .add("reason", plan.reason())
                .add("since", Instant.now().toString())
                .add("resume", "raise the budget (PUT /api/budgets/" + block.agentId() + "), approve going on without "
                        + plan.vendorId() + " (POST /api/businesses/{id}/approvals/" + taskId + "), or wait for the next UTC day")
                .build();
    }

    private static JsonObject skippedJson(PurchasePlan plan) {
        return JsonConventions.json().createObjectBuilder()
                .add("vendor", plan.vendorId())
                .add("amount_cents", plan.cents())
                .add("reason", plan.reason())
                .build();
    }

    private void publish(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks, String metaTopic, JsonObject purchase) {
        String agent = agentOf(task);
        AgentPolicy policy = agents.byAgent(agent).orElseThrow(() -> new IllegalStateException("agent " + agent + " is not registered"));
        publisher.publish(new Envelope(task.runtimeTaskId(), policy.topic(), assignments.content(business, task, tasks, purchase), null, null,
                business.businessId(), null, MetaAgentHandler.AGENT, business.tenantId(), 0, Instant.now().toString(), null,
                business.businessId(), "business-task-" + task.runtimeTaskId(), metaTopic));
        monitoring.emit(MonitoringEvents.Kind.COMPONENT_STARTED, business, Map.of("task_id", task.taskId(),
                "task_type", task.taskType(), "agent", agent));
    }

    private static String agentOf(BusinessTask task) {
        return task.agentId() == null ? MetaAgentHandler.AGENT : task.agentId();
    }
}
