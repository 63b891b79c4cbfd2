package io.genesis.routing;

import io.genesis.planning.HtdagPlanner;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.PlanningRequest;
import io.genesis.planning.TaskDag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.genesis.routing.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DaaoOptimizerTest {

    private static final double EXACT = 1e-12;

    private final HaloRouter router = new HaloRouter();
    private final DaaoOptimizer optimizer = new DaaoOptimizer();

    /** "Plan the architecture" (architecture, no deps) → "Run the tests" (test, one dep). */
    private static TaskDag twoTasks() {
        return new TaskDag(List.of(task("arch", "architecture", "Plan the architecture"),
                task("tests", "test", "Run the tests", "arch")));
    }

    @Test
    void complexityFollowsTheTypeBaseAndDependencyFactorsWithinBounds() {
        // implement with two dependencies: 1.5 * (1 + .2) * (1 + .1) = 1.98
        assertEquals(1.98, DaaoOptimizer.complexity(task("i", "implement", "x", "a", "b")), EXACT);
        assertEquals(0.7, DaaoOptimizer.complexity(task("f", "file_write", "x")), EXACT);
        assertEquals(1.0, DaaoOptimizer.complexity(task("u", "unknown_type", "x")), EXACT);
        // research with 10 dependencies: 2.0 * 2.0 * 1.5 = 6 → clamped to 3
        List<String> ten = List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9");
        assertEquals(3.0, DaaoOptimizer.complexity(new PlannedTask("r", "research", "x", ten, Map.of(), false, 1)));
    }

    @Test
    void architectureMovesToTheCheapSpecAgentAndTheCostIsReported() {
        TaskDag dag = twoTasks();
        RoutingPlan halo = router.route(dag, Map.of());
        assertEquals("architect_agent", halo.assignments().get("arch"));

        RoutingPlan optimized = optimizer.optimize(halo, dag);

        // arch: int(500 + 3*1.3) = 503 tokens * complexity 1.8 = 905.4 work tokens
        //   spec_agent (cheap, .85):      905.4 * .03 / 1e6 = 0.000027162  → cost/quality 0.0000320
        //   architect_agent (medium, .88): 905.4 * 3  / 1e6 = 0.0027162    → cost/quality 0.0030866
        // tests: 503 tokens * 1.0 * 1.1 * 1.05 = 580.965 on qa_agent (cheap): 0.00001742895
        double arch = 905.4 * 0.03 / 1e6;
        double tests = 580.965 * 0.03 / 1e6;
        assertEquals(Map.of("arch", "spec_agent", "tests", "qa_agent"), optimized.assignments());
        assertEquals("DAAO optimized: architect_agent → spec_agent (cost saving: $0.0027)",
                optimized.explanations().get("arch"));
        assertEquals(true, optimized.metadata().get("daao_applied"));
        assertEquals(arch + tests, (double) optimized.metadata().get("estimated_cost"), EXACT);
        assertEquals(905.4 * 3 / 1e6 + tests, (double) optimized.metadata().get("baseline_cost"), EXACT);
        assertEquals(List.of(new Reassignment("arch", "architect_agent", "spec_agent", 905.4 * 3 / 1e6 - arch)),
                optimized.metadata().get("reassignments"));
        assertEquals(Map.of("arch", 503, "tests", 503), optimized.metadata().get("estimated_tokens"));
        assertEquals(Map.of("arch", "local-llm", "tests", "local-llm"), optimized.metadata().get("model_tier"));
        assertEquals(Map.of("arch", "TRIVIAL", "tests", "TRIVIAL"), optimized.metadata().get("difficulty_band"));
        assertEquals("halo", optimized.metadata().get("router"), "HALO's metadata is kept");
    }

    @Test
    void planQualityIsTheGeometricMeanSoATwoTaskPlanIsNotRejected() {
        // the reference multiplies: .85 * .87 = .7395 < .85, so every plan of two tasks fell back to the baseline;
        // the geometric mean sqrt(.7395) = .8599 clears the .85 floor like each of its tasks
        assertEquals(Math.sqrt(0.85 * 0.87), DaaoOptimizer.planQuality(List.of(0.85, 0.87)), EXACT);
        assertTrue(DaaoOptimizer.planQuality(List.of(0.85, 0.87)) >= DaaoOptimizer.MIN_QUALITY_SCORE);
        assertTrue(0.85 * 0.87 < DaaoOptimizer.MIN_QUALITY_SCORE);

        RoutingPlan optimized = optimizer.optimize(router.route(twoTasks(), Map.of()), twoTasks());

        assertEquals(Math.sqrt(0.85 * 0.87), (double) optimized.metadata().get("plan_quality"), EXACT);
        assertEquals(Math.sqrt(0.88 * 0.87), (double) optimized.metadata().get("baseline_plan_quality"), EXACT);
        assertEquals(1, ((List<?>) optimized.metadata().get("reassignments")).size());
    }

    @Test
    void taskWithoutAnAgentAboveTheQualityFloorKeepsItsHaloAgent() {
        TaskDag dag = new TaskDag(List.of(task("build", "implement", "Build it"), task("ui", "frontend", "UI")));
        RoutingPlan halo = router.route(dag, Map.of());

        RoutingPlan optimized = optimizer.optimize(halo, dag);

        assertEquals(halo.assignments(), optimized.assignments(), "builder .82 and frontend .80 are below .85");
        assertEquals(halo.explanations(), optimized.explanations());
        assertEquals(List.of(), optimized.metadata().get("reassignments"));
        assertEquals(0.0, (double) optimized.metadata().get("cost_savings"), EXACT);
    }

    @Test
    void agentRunningAtCapacityIsNoCandidate() {
        TaskDag dag = twoTasks();

        RoutingPlan optimized = optimizer.optimize(router.route(dag, Map.of("spec_agent", 10)), dag);

        assertEquals("architect_agent", optimized.assignments().get("arch"));
    }

    @Test
    void unassignedTasksStayUnassigned() {
        TaskDag dag = new TaskDag(List.of(task("a", "teleport", "Beam"), task("b", "test", "Test")));

        RoutingPlan optimized = optimizer.optimize(router.route(dag, Map.of()), dag);

        assertEquals(List.of("a"), optimized.unassigned());
        assertEquals(Map.of("b", "qa_agent"), optimized.assignments());
        assertEquals(Map.of("b", 0.0 + 0.10 * 0.5 + 0.15 * 4 / 1000.0),
                optimized.metadata().get("difficulty"), "only routed tasks are estimated");
    }

    @Test
    void optimizingABlueprintPlanIsDeterministicAndNeverRaisesTheCost() {
        TaskDag dag = new HtdagPlanner().plan(new PlanningRequest("b-42", "saas_tool", "Invoices for freelancers",
                List.of("Invoices", "Reminders"), List.of("Next.js")));
        RoutingPlan halo = router.route(dag, Map.of());

        RoutingPlan optimized = optimizer.optimize(halo, dag);

        assertEquals(optimized, optimizer.optimize(halo, dag));
        assertTrue((double) optimized.metadata().get("estimated_cost")
                <= (double) optimized.metadata().get("baseline_cost"));
        assertEquals(dag.size(), ((Map<?, ?>) optimized.metadata().get("difficulty")).size());
        assertEquals("spec_agent", optimized.assignments().get("saas_tool_b42_1"), "architecture_plan");
    }
}
