package io.genesis.routing;

import io.genesis.catalog.AgentProfile;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.TaskDag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DAAO optimizer ({@code daao_optimizer.py}), applied to every HALO plan. For each assigned task, in topological
 * order:
 * <ol>
 *   <li>complexity = {@code typeBase * (1 + 0.1*deps) * (1 + 0.05*deps)}, clamped to 0.5..3 ({@link #TYPE_COMPLEXITY},
 *   1.0 for other types);</li>
 *   <li>difficulty, model tier and tokens from the {@link DifficultyEstimator};</li>
 *   <li>candidates: agents supporting the type, under capacity (the running workload HALO recorded in
 *   {@code running_workload}, as HALO judges capacity) and with a success rate of at least
 *   {@link #MIN_QUALITY_SCORE};</li>
 *   <li>the candidate with the lowest cost / success rate wins, where cost = tokens * complexity * the agent's tier
 *   price per 1M tokens (cheap .03, medium 3, expensive 15); ties go to HALO's agent, then to catalogue order;</li>
 *   <li>no candidate: HALO's agent stays.</li>
 * </ol>
 * Deviations from the reference, on purpose: an agent's profile (success rate, tier price) stands in for the
 * reference's cost profiler, whose defaults without execution history ($0.01, .85 for every agent) make every agent
 * equal; and plan quality is the <b>geometric mean</b> of the success rates, not their product. The product falls
 * with every task (.85 * .87 = .74 for two tasks), so the reference's plan-level check "quality &gt;= .85" rejected
 * every plan of two or more tasks and fell back to the baseline. The geometric mean of choices that each clear the
 * floor clears it too, so that fallback cannot happen and is not coded; tasks left with HALO's agent are judged by the
 * AOP validator.
 * <p>
 * The result carries, besides HALO's metadata: {@code daao_applied=true}, {@code estimated_cost} (USD, the sum of
 * task costs), {@code baseline_cost} (HALO's agents), {@code cost_savings}, {@code plan_quality} and
 * {@code baseline_plan_quality}, per task id {@code difficulty}, {@code difficulty_band}, {@code model_tier},
 * {@code estimated_tokens} and {@code complexity}, and {@code reassignments} (a list of {@link Reassignment}).
 */
@ApplicationScoped
public class DaaoOptimizer {

    public static final double MIN_QUALITY_SCORE = 0.85;

    public static final Map<String, Double> TYPE_COMPLEXITY = Map.ofEntries(
            Map.entry("research", 2.0), Map.entry("architecture", 1.8), Map.entry("design", 1.5),
            Map.entry("implement", 1.5), Map.entry("backend", 1.6), Map.entry("frontend", 1.4),
            Map.entry("test", 1.0), Map.entry("deploy", 1.2), Map.entry("api_call", 0.8),
            Map.entry("file_write", 0.7), Map.entry("test_run", 0.9), Map.entry("generic", 1.0));

    private final AgentCatalogue catalogue;
    private final DifficultyEstimator estimator;

    public DaaoOptimizer() {
        this(new AgentCatalogue(), new DifficultyEstimator());
    }

    @Inject
    public DaaoOptimizer(AgentCatalogue catalogue, DifficultyEstimator estimator) {
        this.catalogue = catalogue;
        this.estimator = estimator;
    }

    public static double complexity(PlannedTask task) {
        int deps = task.dependsOn().size();
        double complexity = TYPE_COMPLEXITY.getOrDefault(task.taskType(), 1.0) * (1 + 0.1 * deps) * (1 + 0.05 * deps);
        return Math.max(0.5, Math.min(3.0, complexity));
    }

    /** The geometric mean of the success rates; 0 for no rates. */
    public static double planQuality(List<Double> successRates) {
        return successRates.isEmpty() ? 0.0
                : Math.exp(successRates.stream().mapToDouble(Math::log).sum() / successRates.size());
    }

    /**
     * @throws IllegalArgumentException if the plan assigns a task to an agent that is not in the catalogue
     * @throws IllegalStateException    if the DAG has a cycle
     */
    public RoutingPlan optimize(RoutingPlan plan, TaskDag dag) {
        Map<String, String> assignments = new LinkedHashMap<>(plan.assignments());
        Map<String, String> explanations = new LinkedHashMap<>(plan.explanations());
        Map<?, ?> running = plan.metadata().get(HaloRouter.RUNNING_WORKLOAD) instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Double> difficulty = new LinkedHashMap<>();
        Map<String, String> bands = new LinkedHashMap<>();
        Map<String, String> tiers = new LinkedHashMap<>();
        Map<String, Integer> tokens = new LinkedHashMap<>();
        Map<String, Double> complexities = new LinkedHashMap<>();
        List<Reassignment> reassignments = new ArrayList<>();
        List<Double> quality = new ArrayList<>();
        List<Double> baselineQuality = new ArrayList<>();
        double cost = 0;
        double baselineCost = 0;

        for (String id : dag.topologicalOrder()) {
            String haloAgent = plan.assignments().get(id);
            if (haloAgent == null) {
                continue;
            }
            PlannedTask task = dag.task(id).orElseThrow();
            AgentProfile halo = catalogue.profile(haloAgent).orElseThrow(() -> new IllegalArgumentException(
                    "task " + id + " is assigned to " + haloAgent + ", which is not in the agent catalogue"));
            DifficultyEstimate estimate = estimator.estimate(task);
            double complexity = complexity(task);
            AgentProfile chosen = cheapest(task.taskType(), halo, estimate.estimatedTokens() * complexity, running);

            double chosenCost = cost(chosen, estimate.estimatedTokens() * complexity);
            double haloCost = cost(halo, estimate.estimatedTokens() * complexity);
            if (!chosen.equals(halo)) {
                assignments.put(id, chosen.name());
                explanations.put(id, String.format(Locale.ROOT, "DAAO optimized: %s → %s (cost saving: $%.4f)",
                        halo.name(), chosen.name(), haloCost - chosenCost));
                reassignments.add(new Reassignment(id, halo.name(), chosen.name(), haloCost - chosenCost));
            }
            cost += chosenCost;
            baselineCost += haloCost;
            quality.add(chosen.successRate());
            baselineQuality.add(halo.successRate());
            difficulty.put(id, estimate.score());
            bands.put(id, estimate.band().name());
            tiers.put(id, estimate.modelTier().model());
            tokens.put(id, estimate.estimatedTokens());
            complexities.put(id, complexity);
        }

        Map<String, Object> metadata = new LinkedHashMap<>(plan.metadata());
        metadata.put("daao_applied", true);
        metadata.put("estimated_cost", cost);
        metadata.put("baseline_cost", baselineCost);
        metadata.put("cost_savings", baselineCost - cost);
        metadata.put("plan_quality", planQuality(quality));
        metadata.put("baseline_plan_quality", planQuality(baselineQuality));
        metadata.put("difficulty", Collections.unmodifiableMap(difficulty));
        metadata.put("difficulty_band", Collections.unmodifiableMap(bands));
        metadata.put("model_tier", Collections.unmodifiableMap(tiers));
        metadata.put("estimated_tokens", Collections.unmodifiableMap(tokens));
        metadata.put("complexity", Collections.unmodifiableMap(complexities));
        metadata.put("reassignments", List.copyOf(reassignments));
        return new RoutingPlan(assignments, explanations, plan.unassigned(), metadata);
    }

    private AgentProfile cheapest(String taskType, AgentProfile halo, double workTokens, Map<?, ?> running) {
        AgentProfile best = halo;
        double bestEfficiency = Double.POSITIVE_INFINITY;
        for (AgentProfile candidate : catalogue.supporting(taskType)) {
            if (running.get(candidate.name()) instanceof Integer busy && busy >= candidate.maxConcurrent()
                    || candidate.successRate() < MIN_QUALITY_SCORE) {
                continue;
            }
            double efficiency = cost(candidate, workTokens) / candidate.successRate();
            if (efficiency < bestEfficiency || efficiency == bestEfficiency && candidate.equals(halo)) {
                best = candidate;
                bestEfficiency = efficiency;
            }
        }
        return best;
    }

    private static double cost(AgentProfile agent, double workTokens) {
        return workTokens * agent.costTier().pricePerMillionTokens() / 1_000_000;
    }
}
