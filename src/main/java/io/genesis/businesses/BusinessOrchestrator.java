package io.genesis.businesses;

import io.genesis.catalog.AgentName;
import io.genesis.api.JsonConventions;
import io.genesis.payments.SpendSummaries;
import io.genesis.planning.PlanningRejected;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.PermanentFailure;
import io.genesis.runtime.TaskContext;
import io.genesis.runtime.TaskPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The Meta-Agent's handler on {@code genesis.meta.orchestrate}. Event-driven and durable: a {@code create} message
 * plans the business (one transaction) and publishes its ready tasks; each DAG task carries
 * {@code notify_topic = genesis.meta.orchestrate}, so its {@code task_finished} notice (success or not, delivered at
 * least once) comes back here, marks the task, publishes what became ready and finishes the business. All state is
 * in PostgreSQL: any worker can take over after another died, and duplicates change nothing.
 */
@ApplicationScoped
public class BusinessOrchestrator implements AgentHandler {

    public static final String AGENT = AgentName.GENESIS_META_AGENT.id();
    private static final Logger LOG = Logger.getLogger(BusinessOrchestrator.class.getName());

    @Inject
    BusinessStore store;

    @Inject
    BusinessPlanner planner;

    @Inject
    BusinessCompletion completion;

    @Inject
    TaskPublisher publisher;

    @Inject
    AgentRegistry agents;

    @Inject
    BusinessMetrics metrics;

    @Inject
    MemoryRecaller memory;

    @Inject
    MonitoringEvents monitoring;

    @Inject
    BusinessPurchases purchases;

    @Inject
    SpendSummaries spend;

    @Override
    public boolean handles(String agent) {
        return AGENT.equals(agent);
    }

    @Override
    public int priority() {
        return DEFAULT_PRIORITY;
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        JsonValue content = task.envelope().content();
        if (!(content instanceof JsonObject message)) {
            throw new PermanentFailure("meta-agent messages are JSON objects with a kind");
        }
        String kind = message.getString("kind", message.containsKey("task") ? "review" : "");
        return switch (kind) {
            case "create" -> AgentResult.of(create(message.getString("business_id")));
            case "task_finished" -> AgentResult.of(taskFinished(task.envelope().businessId(), message));
            case "advance" -> AgentResult.of(advance(message.getString("business_id")));
            case "review" -> AgentResult.of(review(message));
            default -> throw new PermanentFailure("unknown meta-agent message kind '" + kind + "'");
        };
    }

    /** Plans the business if nobody did yet, then publishes its ready tasks. */
    JsonObject create(String businessId) throws SQLException, InterruptedException {
        BusinessRecord business = store.find(businessId).orElseThrow(() -> new IllegalStateException("no business " + businessId));
        if (business.status().planning()) {
            plan(business);
        }
        return advance(businessId);
    }

    private void plan(BusinessRecord business) throws SQLException, InterruptedException {
        String id = business.businessId();
        MemoryRecall recall = memory.recall(business.businessType());
        BusinessPlan plan;
        try {
            plan = planner.plan(business, recall);
        } catch (PlanningRejected rejected) {
            store.inTransaction(tx -> {
                if (tx.lock(id).status().planning()) {
                    tx.setOutcome(id, null, rejected.reason());
                    tx.record(id, BusinessStatus.FAILED, "planning rejected the request: " + rejected.reason());
                }
                return null;
            });
            metrics.finished(business.businessType(), BusinessStatus.FAILED, null);
            return;
        }
        BusinessStatus outcome = store.inTransaction(tx -> {
            BusinessRecord locked = tx.lock(id);
            if (!locked.status().planning()) {
                return locked.status(); // another delivery of the create message planned it meanwhile
            }
            JsonObject requirements = plan.requirements();
            tx.setJson(id, "requirements", requirements);
            tx.record(id, BusinessStatus.GENERATING_IDEA, "idea '" + requirements.getString("name") + "' with "
                    + requirements.getJsonArray("mvp_features").size() + " MVP features; " + plan.metadata().getJsonObject("memory")
                    .getJsonNumber("similar_businesses") + " similar businesses recalled");
            tx.setJson(id, "team_composition", teamJson(plan));
            tx.record(id, BusinessStatus.COMPOSING_TEAM, "swarm chose " + plan.team().agents().size() + " agents (fitness "
                    + String.format(java.util.Locale.ROOT, "%.3f", plan.team().fitness()) + ")");
            tx.record(id, BusinessStatus.DECOMPOSING_TASKS, "HTDAG: " + plan.tasks().size() + " tasks, depth " + plan.dagDepth());
            tx.replaceTasks(id, plan.tasks());
            tx.record(id, BusinessStatus.ROUTING, "HALO routed " + plan.routing().assignments().size() + " tasks; DAAO reassigned "
                    + plan.metadata().getJsonObject("daao").getJsonNumber("tasks_reassigned") + ", estimated cost $"
                    + String.format(java.util.Locale.ROOT, "%.4f", plan.metadata().getJsonObject("daao").getJsonNumber("estimated_cost").doubleValue()));
            tx.setJson(id, "metadata", plan.metadata());
            tx.record(id, BusinessStatus.VALIDATING, "AOP quality " + String.format(java.util.Locale.ROOT, "%.3f",
                    plan.validation().qualityScore()) + "; WaltzRL flagged " + plan.unsafeTasks().size() + " of " + plan.tasks().size() + " tasks");
            if (!plan.validation().passed()) {
                String reason = "AOP validation failed: " + String.join("; ", plan.validation().issues());
                tx.setOutcome(id, null, reason);
                tx.record(id, BusinessStatus.FAILED, reason);
                return BusinessStatus.FAILED;
            }
            if (plan.unsafe() && locked.autonomous()) {
                String reason = "WaltzRL blocked " + plan.unsafeTasks().size() + " unsafe task(s): " + plan.unsafeTasks().values()
                        .stream().map(v -> v.explanation()).distinct().collect(Collectors.joining("; "));
                tx.setOutcome(id, null, reason);
                tx.record(id, BusinessStatus.BLOCKED, reason);
                return BusinessStatus.BLOCKED;
            }
            for (var held : plan.unsafeTasks().entrySet()) {
                tx.requestApproval(id, held.getKey(), held.getValue().explanation());
            }
            tx.record(id, BusinessStatus.EXECUTING, "executing " + plan.tasks().size() + " tasks"
                    + (plan.unsafe() ? "; " + plan.unsafeTasks().size() + " held for human approval" : ""));
            return BusinessStatus.EXECUTING;
        });
        if (plan.unsafe()) {
            metrics.safetyViolations(plan.unsafeTasks().size());
        }
        if (outcome.terminal()) {
            metrics.finished(business.businessType(), outcome, null);
            finished(store.find(id).orElseThrow());
        }
        LOG.info("Business " + id + " (" + business.businessType() + ", tenant " + business.tenantId() + ") planned: " + outcome);
    }

    /** A DAG task finished on the runtime: record it, then advance the business. */
    JsonObject taskFinished(String businessId, JsonObject notice) throws SQLException {
        String runtimeTaskId = notice.getString("task_id");
        boolean ok = "completed".equals(notice.getString("status"));
        Progress progress = store.inTransaction(tx -> {
            BusinessRecord business = tx.lock(businessId);
            BusinessTask task = tx.tasks(businessId).stream().filter(t -> t.runtimeTaskId().equals(runtimeTaskId))
                    .findFirst().orElse(null);
            if (task == null || task.status().finished()) {
                return new Progress(null, business, business); // not ours, or a duplicate notice
            }
            JsonValue result = notice.get("result");
            Double quality = notice.get("quality_score") instanceof JsonNumber n ? n.doubleValue() : null;
            tx.finish(businessId, task.taskId(), ok ? DagTaskStatus.COMPLETED : DagTaskStatus.FAILED,
                    notice.getInt("attempts", 0), result == null ? null : result.toString(),
                    ok ? null : notice.getString("error", notice.getString("status")), quality);
            if (!business.status().terminal()) {
                completion.progress(tx, business, tx.tasks(businessId), ok ? null : task.taskId());
            }
            return new Progress(task, business, tx.lock(businessId));
        });
        if (progress.task() != null) {
            monitoring.emit(ok ? MonitoringEvents.Kind.COMPONENT_COMPLETED : MonitoringEvents.Kind.COMPONENT_FAILED,
                    progress.after(), Map.of("task_id", progress.task().taskId(), "agent", String.valueOf(progress.task().agentId()),
                            "status", notice.getString("status")));
        }
        if (progress.after().status().terminal() && !progress.before().status().terminal()) {
            finished(progress.after());
        }
        return advance(businessId);
    }

    /** What one task notice changed: the task it finished (null for a duplicate), the business before and after. */
    private record Progress(BusinessTask task, BusinessRecord before, BusinessRecord after) {
    }

    /** After the terminal transition: the monitoring event and the spend summary (best effort, both). */
    void finished(BusinessRecord business) {
        monitoring.emit(MonitoringEvents.Kind.BUSINESS_COMPLETED, business, Map.of("status", business.status().name()));
        try {
            spend.publish(business.businessId());
        } catch (RuntimeException e) {
            LOG.warning("Spend summary of " + business.businessId() + " not posted: " + e.getMessage());
        }
    }

    /** Publishes every ready task of the business (idempotent), then reports where it stands. */
    JsonObject advance(String businessId) throws SQLException {
        BusinessRecord business = store.find(businessId).orElseThrow(() -> new IllegalStateException("no business " + businessId));
        BusinessStatus status = business.status();
        if (!status.terminal()) {
            List<BusinessTask> tasks = store.tasks(businessId);
            Map<String, BusinessTask> byId = tasks.stream().collect(Collectors.toMap(BusinessTask::taskId, t -> t));
            for (BusinessTask task : tasks) {
                if (task.status() == DagTaskStatus.READY) {
                    status = publish(business, task, byId);
                }
            }
        }
        return JsonConventions.json().createObjectBuilder().add("business_id", businessId).add("status", status.name()).build();
    }

    /** Publishes one ready task and marks it published; returns the business's status afterwards. */
    private BusinessStatus publish(BusinessRecord business, BusinessTask task, Map<String, BusinessTask> byId) throws SQLException {
        String agent = task.agentId() == null ? AGENT : task.agentId();
        AgentPolicy policy = agents.byAgent(agent).orElseThrow(() -> new IllegalStateException("agent " + agent + " is not registered"));
        String meta = agents.byAgent(AGENT).map(AgentPolicy::topic).orElseThrow();
        JsonObject content = taskContent(business, task, byId);
        Optional<JsonObject> purchase = purchases.purchaseFor(business, task, List.copyOf(byId.values()));
        if (purchase.isPresent()) {
            content = JsonConventions.json().createObjectBuilder(content).add("purchase", purchase.get()).build();
        }
        Envelope envelope = new Envelope(task.runtimeTaskId(), policy.topic(), content, null, null,
                business.businessId(), null, AGENT, business.tenantId(), 0, Instant.now().toString(), null,
                business.businessId(), "business-task-" + task.runtimeTaskId(), meta);
        publisher.publish(envelope);
        monitoring.emit(MonitoringEvents.Kind.COMPONENT_STARTED, business, Map.of("task_id", task.taskId(),
                "task_type", task.taskType(), "agent", agent));
        return store.inTransaction(tx -> {
            BusinessRecord locked = tx.lock(business.businessId());
            tx.markPublished(business.businessId(), task.taskId());
            if (locked.status() == BusinessStatus.EXECUTING && "deploy".equals(task.taskType())) {
                tx.record(business.businessId(), BusinessStatus.DEPLOYING, "deploy task " + task.taskId() + " started on " + agent);
                return BusinessStatus.DEPLOYING;
            }
            return locked.status();
        });
    }

    private static JsonObject taskContent(BusinessRecord business, BusinessTask task, Map<String, BusinessTask> byId) {
        JsonObject requirements = business.requirements() == null ? JsonValue.EMPTY_JSON_OBJECT : business.requirements();
        JsonObjectBuilder dependencies = JsonConventions.json().createObjectBuilder();
        for (String dep : task.dependsOn()) {
            BusinessTask done = byId.get(dep);
            if (done != null && done.result() != null) {
                dependencies.add(dep, withoutEcho(done.result()));
            }
        }
        JsonObjectBuilder content = JsonConventions.json().createObjectBuilder()
                .add("business_id", business.businessId())
                .add("business_type", business.businessType())
                .add("business_name", requirements.getString("name", business.businessType()))
                .add("description", requirements.getString("description", ""))
                .add("features", requirements.containsKey("mvp_features") ? requirements.get("mvp_features") : JsonValue.EMPTY_JSON_ARRAY)
                .add("tech_stack", requirements.containsKey("tech_stack") ? requirements.get("tech_stack") : JsonValue.EMPTY_JSON_ARRAY)
                .add("monetization", requirements.getString("monetization", ""))
                .add("target_market", requirements.getString("target_market", ""))
                .add("task", JsonConventions.json().createObjectBuilder()
                        .add("task_id", task.taskId())
                        .add("task_type", task.taskType())
                        .add("description", task.description())
                        .add("phase", task.metadata() == null ? "" : task.metadata().getString("phase", "")))
                .add("dependencies", dependencies);
        JsonObject hooks = simulationHooks(requirements, task.agentId());
        if (hooks != null) {
            content.add("simulate", hooks);
        }
        return content.build();
    }

    /** A dependency's result without the copy of its own input (which holds its dependencies): content stays small. */
    private static JsonValue withoutEcho(JsonValue result) {
        if (!(result instanceof JsonObject object) || !object.containsKey("input")) {
            return result;
        }
        return JsonConventions.json().createObjectBuilder(object).remove("input").build();
    }

    /**
     * Test hook: {@code requirements.simulate = {"<agent>" | "*": {fail_times, latency_ms, fail_permanently}}} is passed
     * to that agent's tasks (the simulated agents honour it only while {@code genesis.simulation.enabled}).
     */
    private static JsonObject simulationHooks(JsonObject requirements, String agent) {
        if (!(requirements.get("simulate") instanceof JsonObject simulate)) {
            return null;
        }
        if (agent != null && simulate.get(agent) instanceof JsonObject hooks) {
            return hooks;
        }
        return simulate.get("*") instanceof JsonObject hooks ? hooks : null;
    }

    /** A review/coordination task HALO gave to the Meta-Agent itself: a consolidated view of its inputs. */
    private static JsonObject review(JsonObject message) {
        JsonObject deps = message.getJsonObject("dependencies");
        int inputs = deps == null ? 0 : deps.size();
        JsonObject task = message.getJsonObject("task");
        return JsonConventions.json().createObjectBuilder()
                .add("summary", "reviewed " + inputs + " upstream result(s) for " + message.getString("business_name", "the business"))
                .add("task_type", task == null ? "review" : task.getString("task_type", "review"))
                .add("reviewed_inputs", inputs)
                .add("approved", true)
                .build();
    }

    private static JsonObject teamJson(BusinessPlan plan) {
        var agentsArray = JsonConventions.json().createArrayBuilder();
        plan.team().agents().forEach(agentsArray::add);
        JsonObjectBuilder explanation = JsonConventions.json().createObjectBuilder();
        plan.team().explanation().forEach((key, value) -> explanation.add(key, String.valueOf(value)));
        return JsonConventions.json().createObjectBuilder()
                .add("agents", agentsArray)
                .add("fitness", plan.team().fitness())
                .add("iterations", plan.team().iterations())
                .add("method", "inclusive_fitness_swarm_pso")
                .add("explanation", explanation)
                .build();
    }
}
