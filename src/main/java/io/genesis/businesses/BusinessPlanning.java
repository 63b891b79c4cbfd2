package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessLifecycle;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.businesses.store.MetaAgentMemory;
import io.genesis.planning.PlanningRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The {@code create} use case: plans a business nobody planned yet, records the whole plan in one transaction
 * (GENERATING_IDEA … VALIDATING, then EXECUTING, or FAILED / BLOCKED), then publishes its ready tasks. A redelivered
 * create message finds the business planned and only advances it.
 */
@ApplicationScoped
public class BusinessPlanning {

    private static final Logger LOG = Logger.getLogger(BusinessPlanning.class.getName());

    @Inject
    BusinessStore store;

    @Inject
    BusinessPlanner planner;

    @Inject
    MetaAgentMemory memory;

    @Inject
    TaskDispatch dispatch;

    @Inject
    BusinessMetrics metrics;

    @Inject
    BusinessEnd end;

    public JsonObject create(String businessId) throws InterruptedException {
        BusinessRecord business = store.find(businessId).orElseThrow(() -> new IllegalStateException("no business " + businessId));
        if (business.status().awaitingPlan()) {
            plan(business);
        }
        return dispatch.advance(businessId);
    }

    private void plan(BusinessRecord business) throws InterruptedException {
        MemoryRecall recall = memory.recall(business.businessType());
        BusinessPlan plan;
        try {
            plan = planner.plan(business, recall);
        } catch (PlanningRejected rejected) {
            ended(business, store.change(business.businessId(), locked -> {
                if (!locked.status().awaitingPlan()) {
                    return null;
                }
                locked.fail("planning rejected the request: " + rejected.reason(), null);
                return locked.status();
            }));
            return;
        }
        // null: another delivery of the create message planned it meanwhile
        BusinessStatus outcome = store.change(business.businessId(), locked -> locked.status().awaitingPlan() ? record(locked, plan) : null);
        if (outcome == null) {
            return;
        }
        if (plan.unsafe()) {
            metrics.safetyViolations(plan.unsafeTasks().size());
        }
        ended(business, outcome);
        LOG.info("Business " + business.businessId() + " (" + business.businessType() + ", tenant " + business.tenantId()
                + ") planned: " + outcome);
    }

    /** Every planning step as its lifecycle transition, in order; ends EXECUTING, FAILED or BLOCKED. */
    private static BusinessStatus record(BusinessLifecycle business, BusinessPlan plan) {
        JsonObject requirements = plan.requirements();
        JsonObject daao = plan.metadata().getJsonObject("daao");
        business.ideaGenerated(requirements, "idea '" + requirements.getString("name") + "' with "
                + requirements.getJsonArray("mvp_features").size() + " MVP features; " + plan.metadata().getJsonObject("memory")
                .getJsonNumber("similar_businesses") + " similar businesses recalled");
        business.teamComposed(teamJson(plan), "swarm chose " + plan.team().agents().size() + " agents (fitness "
                + String.format(Locale.ROOT, "%.3f", plan.team().fitness()) + ")");
        business.tasksDecomposed(plan.tasks(), "HTDAG: " + plan.tasks().size() + " tasks, depth " + plan.dagDepth());
        business.routed(plan.metadata(), "HALO routed " + plan.routing().assignments().size() + " tasks; DAAO reassigned "
                + daao.getJsonNumber("tasks_reassigned") + ", estimated cost $"
                + String.format(Locale.ROOT, "%.4f", daao.getJsonNumber("estimated_cost").doubleValue()));
        business.validating("AOP quality " + String.format(Locale.ROOT, "%.3f", plan.validation().qualityScore())
                + "; WaltzRL flagged " + plan.unsafeTasks().size() + " of " + plan.tasks().size() + " tasks");
        if (!plan.validation().passed()) {
            business.fail("AOP validation failed: " + String.join("; ", plan.validation().issues()), null);
        } else if (plan.unsafe() && business.business().autonomous()) {
            business.block("WaltzRL blocked " + plan.unsafeTasks().size() + " unsafe task(s): " + plan.unsafeTasks().values()
                    .stream().map(v -> v.explanation()).distinct().collect(Collectors.joining("; ")));
        } else {
            plan.unsafeTasks().forEach((taskId, verdict) -> business.holdForApproval(taskId, verdict.explanation()));
            business.startExecuting("executing " + plan.tasks().size() + " tasks"
                    + (plan.unsafe() ? "; " + plan.unsafeTasks().size() + " held for human approval" : ""));
        }
        return business.status();
    }

    /** When planning itself ended the business ({@code outcome} null: not this delivery's doing). */
    private void ended(BusinessRecord business, BusinessStatus outcome) {
        if (outcome != null && outcome.terminal()) {
            metrics.finished(business.businessType(), outcome, null);
            end.announce(store.find(business.businessId()).orElseThrow());
        }
    }

    /** The swarm's full answer; the team's agent names are {@code agents}. */
    private static JsonObject teamJson(BusinessPlan plan) {
        var explanation = JsonConventions.json().createObjectBuilder();
        plan.team().explanation().forEach((key, value) -> explanation.add(key, String.valueOf(value)));
        return JsonConventions.json().createObjectBuilder()
                .add("agents", JsonConventions.array(plan.team().agents()))
                .add("fitness", plan.team().fitness())
                .add("iterations", plan.team().iterations())
                .add("method", "inclusive_fitness_swarm_pso")
                .add("explanation", explanation)
                .build();
    }
}
