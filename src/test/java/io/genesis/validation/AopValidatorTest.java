package io.genesis.validation;

import io.genesis.planning.HtdagPlanner;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.PlanningRequest;
import io.genesis.planning.TaskDag;
import io.genesis.routing.DaaoOptimizer;
import io.genesis.routing.HaloRouter;
import io.genesis.routing.RoutingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AopValidatorTest {

    private static final double EXACT = 1e-12;

    private final AopValidator validator = new AopValidator();

    private static PlannedTask task(String id, String type, String description, String... dependsOn) {
        return new PlannedTask(id, type, description, List.of(dependsOn), Map.of(), true, 1.5);
    }

    private static RoutingPlan plan(Map<String, String> assignments) {
        return new RoutingPlan(assignments, Map.of(), List.of(), Map.of());
    }

    /** A chain t0 → t1 → ... of {@code n} generic tasks. */
    private static TaskDag chain(int n) {
        return new TaskDag(IntStream.range(0, n).mapToObj(i -> i == 0 ? task("t0", "generic", "step 0")
                : task("t" + i, "generic", "step " + i, "t" + (i - 1))).toList());
    }

    /** Every task of the DAG on the builder agent. */
    private static RoutingPlan onBuilder(TaskDag dag) {
        Map<String, String> assignments = new LinkedHashMap<>();
        dag.tasks().forEach(t -> assignments.put(t.id(), "builder_agent"));
        return plan(assignments);
    }

    @Test
    void qualityScoreOfASmallPlanMatchesTheHandComputation() {
        // design → test on spec_agent (cheap, .85) and qa_agent (cheap, .87); depth 1
        // P = .85 * .87 = .7395; quality = (1 + 1) / 2 = 1 (types match, no required skills); cost = (.2 + .2) / 2 = .2;
        // time = 1 / 10 = .1 → .4 * .7395 + .3 * 1 + .2 * .8 + .1 * .9 = .2958 + .3 + .16 + .09 = .8458
        TaskDag dag = new TaskDag(List.of(task("spec", "design", "Write the spec"),
                task("check", "test", "Check the spec", "spec")));

        ValidationReport report = validator.validate(plan(Map.of("spec", "spec_agent", "check", "qa_agent")), dag,
                null);

        assertTrue(report.passed(), report.issues().toString());
        assertEquals(0.8458, report.qualityScore(), EXACT);
        assertEquals(Map.of("solvability", true, "completeness", true, "non_redundancy", true, "security", true),
                report.checks());
    }

    @Test
    void unknownAgentAndMissingSkillsLowerTheScore() {
        // one task, agent unknown: P = .7, quality = .5, cost = .5, time = 0 → .28 + .15 + .1 + .1 = .63
        TaskDag one = new TaskDag(List.of(task("a", "design", "x")));
        assertEquals(0.63, validator.validate(plan(Map.of("a", "ghost_agent")), one, null).qualityScore(), EXACT);

        // qa_agent on a test task needing testing + kubernetes: quality = .7 + .3 * 1/2 = .85
        // P = .87, cost = .2, time = 0 → .348 + .255 + .16 + .1 = .863
        TaskDag skills = new TaskDag(List.of(new PlannedTask("t", "test", "x", List.of(),
                Map.of("required_skills", "testing,kubernetes"), true, 1)));
        ValidationReport report = validator.validate(plan(Map.of("t", "qa_agent")), skills, null);
        assertEquals(0.863, report.qualityScore(), EXACT);
        assertEquals(List.of("Task t: agent 'qa_agent' lacks skills [kubernetes]"), report.warnings());
        assertTrue(report.passed(), "missing skills only warn");
    }

    @Test
    void agentThatDoesNotSupportTheTaskTypeFailsSolvability() {
        TaskDag dag = new TaskDag(List.of(task("t", "test", "Run the suite")));

        ValidationReport report = validator.validate(plan(Map.of("t", "builder_agent")), dag, null);

        assertFalse(report.passed());
        assertFalse(report.checks().get("solvability"));
        assertTrue(report.issues().get(0).startsWith("Task t (type=test): agent 'builder_agent' does not support"),
                report.issues().toString());
        ValidationReport unknown = validator.validate(plan(Map.of("t", "ghost_agent")), dag, null);
        assertTrue(unknown.checks().get("solvability"), "an unknown agent only warns");
        assertEquals(List.of("Task t: agent 'ghost_agent' is not in the agent catalogue"), unknown.warnings());
    }

    @Test
    void unassignedMissingAndOrphanedTasksFailCompleteness() {
        TaskDag dag = new TaskDag(List.of(task("a", "test", "one"), task("b", "teleport", "two")));
        RoutingPlan routed = new RoutingPlan(Map.of("a", "qa_agent", "ghost", "qa_agent"), Map.of(), List.of("b"),
                Map.of());

        ValidationReport report = validator.validate(routed, dag, null);

        assertFalse(report.checks().get("completeness"));
        assertEquals(List.of("Incomplete coverage: 1 tasks have no agent: [b]",
                "The routing plan has 1 unassigned tasks: [b]",
                "Orphaned assignments: 1 tasks are assigned but not in the DAG: [ghost]"), report.issues());
    }

    @Test
    void sameAgentAndTypeOnlyWarnsButNearDuplicateDescriptionsFail() {
        // {a..g, x} vs {a..g, y, z}: 7 shared of 10 words = .70 → not above .7, a warning only
        TaskDag distinct = new TaskDag(List.of(task("one", "test", "a b c d e f g x"),
                task("two", "test", "a b c d e f g y z")));
        ValidationReport warned = validator.validate(plan(Map.of("one", "qa_agent", "two", "qa_agent")), distinct,
                null);
        assertTrue(warned.passed(), warned.issues().toString());
        assertEquals(List.of("Potential redundancy: agent 'qa_agent' has 2 'test' tasks: [one, two]"),
                warned.warnings());

        // {a..h, x} vs {a..h, y}: 8 of 10 = .80 → redundant
        TaskDag similar = new TaskDag(List.of(task("one", "test", "a b c d e f g h x"),
                task("two", "test", "A B C D E F G H y")));
        ValidationReport failed = validator.validate(plan(Map.of("one", "qa_agent", "two", "qa_agent")), similar, null);
        assertFalse(failed.checks().get("non_redundancy"));
        assertEquals(List.of("Redundant tasks for agent 'qa_agent': one and two have 0.80 word overlap (above 0.70)"),
                failed.issues());

        TaskDag same = new TaskDag(List.of(task("one", "test", "Run it"), task("two", "test", "Run it")));
        assertFalse(validator.validate(plan(Map.of("one", "qa_agent", "two", "qa_agent")), same, null).passed());
    }

    @Test
    void budgetNeedsAnEstimateWithinTheLimit() {
        TaskDag dag = new TaskDag(List.of(task("t", "test", "x")));
        RoutingPlan costed = new RoutingPlan(Map.of("t", "qa_agent"), Map.of(), List.of(),
                Map.of("estimated_cost", 0.05));

        assertTrue(validator.validate(costed, dag, 0.05).checks().get("budget"));
        ValidationReport over = validator.validate(costed, dag, 0.01);
        assertEquals(List.of("Estimated cost $0.0500 exceeds the budget $0.0100 (over by $0.0400)"), over.issues());
        ValidationReport unknown = validator.validate(plan(Map.of("t", "qa_agent")), dag, 1.0);
        assertFalse(unknown.checks().get("budget"));
        assertFalse(validator.validate(plan(Map.of("t", "qa_agent")), dag, null).checks().containsKey("budget"));
    }

    @Test
    void cycleFailsSecurity() {
        TaskDag dag = new TaskDag(List.of(task("a", "generic", "first", "b"), task("b", "generic", "second", "a")));

        ValidationReport report = validator.validate(plan(Map.of("a", "builder_agent", "b", "builder_agent")), dag,
                null);

        assertFalse(report.checks().get("security"));
        assertTrue(report.issues().contains("The DAG contains a cycle; cyclic dependencies would never finish"));
    }

    @Test
    void depthAboveTenFailsAndAboveFiveWarns() {
        TaskDag deep = chain(12);
        assertEquals(List.of("DAG depth 11 exceeds the maximum 10"), validator.validate(onBuilder(deep), deep, null)
                .issues());

        TaskDag atLimit = chain(11);
        ValidationReport report = validator.validate(onBuilder(atLimit), atLimit, null);
        assertTrue(report.passed(), report.issues().toString());
        assertTrue(report.warnings().contains("DAG depth 10 is approaching the maximum 10"));
    }

    @ParameterizedTest
    @ValueSource(ints = {51, 101})
    void largeDagsWarnAboveFiftyAndFailAboveOneHundredTasks(int size) {
        TaskDag dag = new TaskDag(IntStream.range(0, size)
                .mapToObj(i -> task("t" + i, "generic", "independent piece " + i)).toList());

        ValidationReport report = validator.validate(onBuilder(dag), dag, null);

        assertEquals(size <= 100, report.checks().get("security"));
        String expected = size > 100 ? "The DAG has 101 tasks, more than the maximum 100"
                : "The DAG has 51 tasks, approaching the maximum 100";
        assertTrue(report.issues().contains(expected) || report.warnings().contains(expected), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"saas_tool", "content_website", "ecommerce_store", "marketplace"})
    void plannedRoutedAndOptimizedBusinessPassesValidationWithinBudget(String type) {
        TaskDag dag = new HtdagPlanner().plan(new PlanningRequest("7d1e0c2a", type, "A tool for small shops",
                List.of("Sign-up", "Order history", "Weekly report"), List.of("React", "PostgreSQL")));
        RoutingPlan plan = new DaaoOptimizer().optimize(new HaloRouter().route(dag, Map.of()), dag);

        ValidationReport report = validator.validate(plan, dag, 1.0);

        assertTrue(report.passed(), report.issues().toString());
        assertTrue(report.qualityScore() > 0 && report.qualityScore() < 1, String.valueOf(report.qualityScore()));
        assertEquals(report, validator.validate(plan, dag, 1.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"saas_tool", "content_website", "ecommerce_store", "marketplace"})
    void largestPlanOfEveryBlueprintPassesValidation(String type) {
        List<String> features = IntStream.range(0, HtdagPlanner.MAX_SUBTASKS_PER_UPDATE)
                .mapToObj(i -> "Feature number " + i).toList();
        TaskDag dag = new HtdagPlanner().plan(new PlanningRequest("7d1e0c2a", type, "A tool", features, List.of()));
        RoutingPlan plan = new DaaoOptimizer().optimize(new HaloRouter().route(dag, Map.of()), dag);

        ValidationReport report = validator.validate(plan, dag, 1.0);

        assertTrue(report.passed(), report.issues().toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("approaching the maximum 100")));
    }
}
