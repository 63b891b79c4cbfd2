package io.genesis.validation;

import io.genesis.catalog.AgentProfile;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.TaskDag;
import io.genesis.routing.AgentCatalogue;
import io.genesis.routing.RoutingPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AOP validator ({@code aop_validator.py}, arXiv 2410.02189). Checks:
 * <ol>
 *   <li><b>solvability</b> (skipped with an empty catalogue): an issue when the assigned agent does not support the
 *   task type; a warning when the agent is unknown or lacks skills the task lists in {@code required_skills};</li>
 *   <li><b>completeness</b>: issues for DAG tasks without an agent, for the plan's unassigned tasks and for
 *   assignments of tasks that are not in the DAG;</li>
 *   <li><b>non-redundancy</b>: a warning when one agent has several tasks of one type; the check fails (an issue)
 *   only when two of those tasks have identical descriptions or a word Jaccard similarity above
 *   {@link #JACCARD_THRESHOLD};</li>
 *   <li><b>budget</b>, only with a budget: fails when {@code metadata.estimated_cost} is missing or above it;</li>
 *   <li><b>security</b>: fails on a cycle, a depth (longest path in edges) above {@link #MAX_DEPTH} or more than
 *   {@link #MAX_NODES} tasks; warns above {@link #WARN_DEPTH} and {@link #WARN_NODES}.</li>
 * </ol>
 * Quality score = {@code .4*P(success) + .3*quality + .2*(1 - cost) + .1*(1 - time)}: P is the product of the
 * assigned agents' success rates (.7 for an unknown agent or one without history, .7 for an empty plan); quality the
 * mean over assignments of {@code .7*typeMatch + .3*skillOverlap} (.5 for an unknown agent or an empty plan); cost the
 * mean normalized tier cost (cheap .2, medium .5, expensive .9; .5 if unknown or empty); time
 * {@code min(maxDepth/10, 1)}, 1 for a cyclic DAG. The score is reported for failed plans too.
 */
@ApplicationScoped
public class AopValidator {

    public static final double JACCARD_THRESHOLD = 0.7;
    public static final int MAX_DEPTH = 10;
    public static final int WARN_DEPTH = 5;
    public static final int MAX_NODES = 100;
    public static final int WARN_NODES = 50;
    public static final double UNKNOWN_SUCCESS_RATE = 0.7;
    public static final double UNKNOWN_QUALITY = 0.5;
    public static final double UNKNOWN_COST = 0.5;

    private final AgentCatalogue catalogue;

    public AopValidator() {
        this(new AgentCatalogue());
    }

    @Inject
    public AopValidator(AgentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param maxBudget the most the plan may cost in USD, or null for no budget check
     */
    public ValidationReport validate(RoutingPlan plan, TaskDag dag, Double maxBudget) {
        List<String> issues = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("solvability", solvability(plan, dag, issues, warnings));
        checks.put("completeness", completeness(plan, dag, issues));
        checks.put("non_redundancy", nonRedundancy(plan, dag, issues, warnings));
        if (maxBudget != null) {
            checks.put("budget", budget(plan, maxBudget, issues));
        }
        checks.put("security", security(dag, issues, warnings));
        boolean passed = !checks.containsValue(false);
        return new ValidationReport(passed, qualityScore(plan, dag), issues, warnings, checks);
    }

    /** {@code .4*P(success) + .3*quality + .2*(1 - cost) + .1*(1 - time)}, as described on the class. */
    public double qualityScore(RoutingPlan plan, TaskDag dag) {
        double success = plan.assignments().isEmpty() ? UNKNOWN_SUCCESS_RATE : plan.assignments().values().stream()
                .mapToDouble(agent -> catalogue.profile(agent).map(AgentProfile::successRate).filter(rate -> rate > 0)
                        .orElse(UNKNOWN_SUCCESS_RATE))
                .reduce(1.0, (a, b) -> a * b);
        double quality = plan.assignments().entrySet().stream().filter(e -> dag.contains(e.getKey()))
                .mapToDouble(e -> matchQuality(dag.task(e.getKey()).orElseThrow(), e.getValue()))
                .average().orElse(UNKNOWN_QUALITY);
        double cost = plan.assignments().values().stream()
                .mapToDouble(agent -> catalogue.profile(agent).map(p -> p.costTier().normalizedCost()).orElse(UNKNOWN_COST))
                .average().orElse(UNKNOWN_COST);
        double time = dag.hasCycle() ? 1.0 : Math.min(dag.maxDepth() / (double) MAX_DEPTH, 1.0);
        return 0.4 * success + 0.3 * quality + 0.2 * (1 - cost) + 0.1 * (1 - time);
    }

    private double matchQuality(PlannedTask task, String agent) {
        Optional<AgentProfile> profile = catalogue.profile(agent);
        if (profile.isEmpty()) {
            return UNKNOWN_QUALITY;
        }
        double typeMatch = catalogue.supports(agent, task.taskType()) ? 1.0 : 0.0;
        List<String> required = task.metadataList("required_skills");
        double skillMatch = required.isEmpty() ? 1.0
                : required.stream().filter(profile.get().skills()::contains).count() / (double) required.size();
        return 0.7 * typeMatch + 0.3 * skillMatch;
    }

    private boolean solvability(RoutingPlan plan, TaskDag dag, List<String> issues, List<String> warnings) {
        if (catalogue.isEmpty()) {
            return true;
        }
        boolean passed = true;
        for (Map.Entry<String, String> assignment : plan.assignments().entrySet()) {
            Optional<PlannedTask> task = dag.task(assignment.getKey());
            if (task.isEmpty()) {
                continue;
            }
            String agent = assignment.getValue();
            Optional<AgentProfile> profile = catalogue.profile(agent);
            if (profile.isEmpty()) {
                warnings.add("Task " + task.get().id() + ": agent '" + agent + "' is not in the agent catalogue");
                continue;
            }
            if (!catalogue.supports(agent, task.get().taskType())) {
                issues.add("Task " + task.get().id() + " (type=" + task.get().taskType() + "): agent '" + agent
                        + "' does not support this type; it supports " + profile.get().taskTypes());
                passed = false;
            }
            List<String> missing = task.get().metadataList("required_skills").stream()
                    .filter(skill -> !profile.get().skills().contains(skill)).toList();
            if (!missing.isEmpty()) {
                warnings.add("Task " + task.get().id() + ": agent '" + agent + "' lacks skills " + missing);
            }
        }
        return passed;
    }

    private static boolean completeness(RoutingPlan plan, TaskDag dag, List<String> issues) {
        int before = issues.size();
        List<String> missing = dag.tasks().stream().map(PlannedTask::id)
                .filter(id -> !plan.assignments().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            issues.add("Incomplete coverage: " + missing.size() + " tasks have no agent: " + missing);
        }
        if (!plan.unassigned().isEmpty()) {
            issues.add("The routing plan has " + plan.unassigned().size() + " unassigned tasks: " + plan.unassigned());
        }
        List<String> orphans = plan.assignments().keySet().stream().filter(id -> !dag.contains(id)).toList();
        if (!orphans.isEmpty()) {
            issues.add("Orphaned assignments: " + orphans.size() + " tasks are assigned but not in the DAG: " + orphans);
        }
        return issues.size() == before;
    }

    private static boolean nonRedundancy(RoutingPlan plan, TaskDag dag, List<String> issues, List<String> warnings) {
        Map<List<String>, List<PlannedTask>> groups = new LinkedHashMap<>();
        dag.tasks().stream().filter(task -> plan.assignments().containsKey(task.id())).forEach(task ->
                groups.computeIfAbsent(List.of(plan.assignments().get(task.id()), task.taskType()),
                        k -> new ArrayList<>()).add(task));
        boolean passed = true;
        for (Map.Entry<List<String>, List<PlannedTask>> group : groups.entrySet()) {
            List<PlannedTask> tasks = group.getValue();
            if (tasks.size() < 2) {
                continue;
            }
            List<String> ids = tasks.stream().map(PlannedTask::id).toList();
            warnings.add("Potential redundancy: agent '" + group.getKey().get(0) + "' has " + tasks.size() + " '"
                    + group.getKey().get(1) + "' tasks: " + ids);
            Optional<String> similar = similarPair(tasks);
            if (similar.isPresent()) {
                issues.add("Redundant tasks for agent '" + group.getKey().get(0) + "': " + similar.get());
                passed = false;
            }
        }
        return passed;
    }

    /** The first pair with identical descriptions or a word Jaccard similarity above the threshold. */
    private static Optional<String> similarPair(List<PlannedTask> tasks) {
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = i + 1; j < tasks.size(); j++) {
                PlannedTask a = tasks.get(i);
                PlannedTask b = tasks.get(j);
                if (a.description().equals(b.description())) {
                    return Optional.of(a.id() + " and " + b.id() + " have the same description");
                }
                double similarity = jaccard(a.description(), b.description());
                if (similarity > JACCARD_THRESHOLD) {
                    return Optional.of(String.format(Locale.ROOT, "%s and %s have %.2f word overlap (above %.2f)",
                            a.id(), b.id(), similarity, JACCARD_THRESHOLD));
                }
            }
        }
        return Optional.empty();
    }

    /** Jaccard similarity of the lower-cased, white-space separated words; 0 when either text has none. */
    static double jaccard(String a, String b) {
        Set<String> wordsA = words(a);
        Set<String> wordsB = words(b);
        if (wordsA.isEmpty() || wordsB.isEmpty()) {
            return 0.0;
        }
        Set<String> union = new HashSet<>(wordsA);
        union.addAll(wordsB);
        return (wordsA.size() + wordsB.size() - union.size()) / (double) union.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }

    private static boolean budget(RoutingPlan plan, double maxBudget, List<String> issues) {
        if (!(plan.metadata().get("estimated_cost") instanceof Number estimate)) {
            issues.add("A budget was given but the plan has no estimated_cost; run the DAAO optimizer first");
            return false;
        }
        if (estimate.doubleValue() > maxBudget) {
            issues.add(String.format(Locale.ROOT, "Estimated cost $%.4f exceeds the budget $%.4f (over by $%.4f)",
                    estimate.doubleValue(), maxBudget, estimate.doubleValue() - maxBudget));
            return false;
        }
        return true;
    }

    private static boolean security(TaskDag dag, List<String> issues, List<String> warnings) {
        int before = issues.size();
        if (dag.hasCycle()) {
            issues.add("The DAG contains a cycle; cyclic dependencies would never finish");
        } else {
            int depth = dag.maxDepth();
            if (depth > MAX_DEPTH) {
                issues.add("DAG depth " + depth + " exceeds the maximum " + MAX_DEPTH);
            } else if (depth > WARN_DEPTH) {
                warnings.add("DAG depth " + depth + " is approaching the maximum " + MAX_DEPTH);
            }
        }
        if (dag.size() > MAX_NODES) {
            issues.add("The DAG has " + dag.size() + " tasks, more than the maximum " + MAX_NODES);
        } else if (dag.size() > WARN_NODES) {
            warnings.add("The DAG has " + dag.size() + " tasks, approaching the maximum " + MAX_NODES);
        }
        return issues.size() == before;
    }
}
