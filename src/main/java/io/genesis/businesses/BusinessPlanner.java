package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.planning.HtdagPlanner;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.PlanningRequest;
import io.genesis.planning.TaskDag;
import io.genesis.routing.DaaoOptimizer;
import io.genesis.routing.DifficultyEstimate;
import io.genesis.routing.DifficultyEstimator;
import io.genesis.routing.HaloRouter;
import io.genesis.routing.RoutingPlan;
import io.genesis.safety.SafetyVerdict;
import io.genesis.safety.WaltzRlSafetyGate;
import io.genesis.teams.InclusiveFitnessSwarm;
import io.genesis.teams.TeamComposition;
import io.genesis.teams.TeamRequirements;
import io.genesis.validation.AopValidator;
import io.genesis.validation.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans a business with the Genesis subsystems, in the lifecycle's order: idea (requirements resolved against the
 * archetype and memory) → team (Inclusive Fitness Swarm) → task DAG (HTDAG) → routing (HALO, then DAAO applied) →
 * validation (AOP) and the WaltzRL safety gate on every task. Deterministic for the same business and memory.
 */
@ApplicationScoped
public class BusinessPlanner {

    static final int MIN_TEAM = 3;
    static final int MAX_TEAM = 10;

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    IdeaStep ideas;

    @Inject
    InclusiveFitnessSwarm swarm;

    @Inject
    HtdagPlanner planner;

    @Inject
    HaloRouter router;

    @Inject
    DaaoOptimizer daao;

    @Inject
    DifficultyEstimator difficulty;

    @Inject
    AopValidator validator;

    @Inject
    WaltzRlSafetyGate safety;

    public BusinessPlan plan(BusinessRecord business, MemoryRecall memory) throws InterruptedException {
        BusinessArchetype archetype = archetypes.byType(business.businessType()).orElseThrow();
        JsonObject requirements = ideas.requirements(business, archetype, memory);
        List<String> features = JsonConventions.strings(requirements.getJsonArray("mvp_features"));
        List<String> techStack = JsonConventions.strings(requirements.getJsonArray("tech_stack"));
        String monetization = requirements.getString("monetization", "");

        TeamRequirements needs = TeamRequirements.fromBusiness(archetype, features, techStack, monetization);
        TeamComposition team = swarm.compose(needs, MIN_TEAM, MAX_TEAM, seed(business.businessId()));

        TaskDag dag = planner.plan(new PlanningRequest(business.businessId(), business.businessType(),
                requirements.getString("description", ""), features, techStack));
        RoutingPlan halo = router.route(dag, Map.of());
        RoutingPlan routing = daao.optimize(halo, dag);
        Double budget = requirements.containsKey("budget_usd") ? requirements.getJsonNumber("budget_usd").doubleValue() : null;
        ValidationReport validation = validator.validate(routing, dag, budget);

        Map<String, SafetyVerdict> unsafe = new LinkedHashMap<>();
        Map<String, Double> safetyScores = new LinkedHashMap<>();
        String context = requirements.getString("name", "") + ": " + requirements.getString("description", "");
        for (PlannedTask task : dag.tasks()) {
            String agent = routing.assignments().get(task.id());
            SafetyVerdict verdict = safety.check(WaltzRlSafetyGate.taskQuery(agent == null ? "unassigned" : agent,
                    task.description() + " for " + context));
            safetyScores.put(task.id(), verdict.safetyScore());
            if (!verdict.safe()) {
                unsafe.put(task.id(), verdict);
            }
        }
        List<BusinessTask> tasks = tasks(business, dag, routing, safetyScores, unsafe);
        JsonObject metadata = metadata(memory, halo, routing, validation, team, unsafe, dag);
        return new BusinessPlan(requirements, team, tasks, routing, validation, unsafe, dag.maxDepth(), metadata);
    }

    /** The runtime task id of a DAG task: deterministic, so re-publishing after a crash is idempotent. */
    public static String runtimeTaskId(String businessId, String taskId) {
        return UUID.nameUUIDFromBytes((businessId + "/" + taskId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private List<BusinessTask> tasks(BusinessRecord business, TaskDag dag, RoutingPlan routing, Map<String, Double> safetyScores,
                                     Map<String, SafetyVerdict> unsafe) {
        Map<?, ?> tiers = routing.metadata().get("model_tier") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> difficulties = routing.metadata().get("difficulty") instanceof Map<?, ?> m ? m : Map.of();
        List<BusinessTask> tasks = new ArrayList<>();
        int position = 0;
        for (String id : dag.topologicalOrder()) {
            PlannedTask task = dag.task(id).orElseThrow();
            DifficultyEstimate estimate = difficulty.estimate(task);
            DagTaskStatus status = !unsafe.containsKey(id) ? (task.dependsOn().isEmpty() ? DagTaskStatus.READY : DagTaskStatus.PENDING)
                    : business.autonomous() ? DagTaskStatus.BLOCKED : DagTaskStatus.AWAITING_APPROVAL;
            JsonObjectBuilder meta = JsonConventions.json().createObjectBuilder();
            task.metadata().forEach(meta::add);
            meta.add("routing", routing.explanations().getOrDefault(id, "unassigned"));
            meta.add("difficulty_band", estimate.band().name());
            meta.add("estimated_tokens", estimate.estimatedTokens());
            Object difficultyValue = difficulties.get(id);
            tasks.add(new BusinessTask(business.businessId(), id, runtimeTaskId(business.businessId(), id), position++,
                    task.taskType(), task.description(), routing.assignments().get(id), task.dependsOn(), task.critical(),
                    status, difficultyValue instanceof Number n ? n.doubleValue() : estimate.score(),
                    String.valueOf(tiers.get(id) == null ? estimate.modelTier().model() : tiers.get(id)),
                    estimate.modelCostUsd(), safetyScores.get(id), null, 0, null, null, meta.build(), null, null, null));
        }
        return tasks;
    }

    private static JsonObject metadata(MemoryRecall memory, RoutingPlan halo, RoutingPlan routing, ValidationReport validation,
                                       TeamComposition team, Map<String, SafetyVerdict> unsafe, TaskDag dag) {
        JsonObjectBuilder daaoMeta = JsonConventions.json().createObjectBuilder();
        for (String key : List.of("daao_applied", "estimated_cost", "baseline_cost", "cost_savings", "plan_quality",
                "baseline_plan_quality")) {
            Object value = routing.metadata().get(key);
            if (value instanceof Number n) {
                daaoMeta.add(key, n.doubleValue());
            } else if (value instanceof Boolean b) {
                daaoMeta.add(key, b);
            }
        }
        JsonArrayBuilder reassigned = JsonConventions.json().createArrayBuilder();
        if (routing.metadata().get("reassignments") instanceof Collection<?> changes) {
            changes.forEach(change -> reassigned.add(String.valueOf(change)));
        }
        daaoMeta.add("reassignments", reassigned);
        long changedByDaao = routing.assignments().entrySet().stream()
                .filter(e -> !e.getValue().equals(halo.assignments().get(e.getKey()))).count();
        daaoMeta.add("tasks_reassigned", changedByDaao);

        JsonObjectBuilder safetyMeta = JsonConventions.json().createObjectBuilder().add("tasks_checked", dag.size()).add("unsafe_tasks", unsafe.size());
        JsonObjectBuilder violations = JsonConventions.json().createObjectBuilder();
        unsafe.forEach((id, verdict) -> violations.add(id, verdict.explanation()));
        safetyMeta.add("violations", violations);

        Set<String> routedAgents = new LinkedHashSet<>(routing.assignments().values());
        return JsonConventions.json().createObjectBuilder()
                .add("memory", memory.toJson())
                .add("routing", JsonConventions.json().createObjectBuilder()
                        .add("explanations", map(routing.explanations()))
                        .add("unassigned", list(routing.unassigned()))
                        .add("agents_used", list(List.copyOf(routedAgents))))
                .add("daao", daaoMeta)
                .add("validation", JsonConventions.json().createObjectBuilder()
                        .add("passed", validation.passed())
                        .add("quality_score", validation.qualityScore())
                        .add("issues", list(validation.issues()))
                        .add("warnings", list(validation.warnings())))
                .add("safety", safetyMeta)
                .add("team", JsonConventions.json().createObjectBuilder().add("fitness", team.fitness()).add("iterations", team.iterations())
                        .add("routed_agents_outside_team", list(routedAgents.stream().filter(a -> !team.agents().contains(a)).toList())))
                .add("dag", JsonConventions.json().createObjectBuilder().add("tasks", dag.size()).add("depth", dag.maxDepth()))
                .build();
    }

    private static long seed(String businessId) {
        return UUID.nameUUIDFromBytes(businessId.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }


    private static JsonArrayBuilder list(List<String> values) {
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static JsonObjectBuilder map(Map<String, String> values) {
        JsonObjectBuilder object = JsonConventions.json().createObjectBuilder();
        values.forEach(object::add);
        return object;
    }
}
