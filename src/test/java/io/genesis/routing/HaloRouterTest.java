package io.genesis.routing;

import io.genesis.catalog.AgentProfile;
import io.genesis.catalog.CostTier;
import io.genesis.planning.HtdagPlanner;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.PlanningRequest;
import io.genesis.planning.TaskDag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.genesis.routing.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaloRouterTest {

    private final HaloRouter router = new HaloRouter();

    private static TaskDag dag(PlannedTask... tasks) {
        return new TaskDag(List.of(tasks));
    }

    @Test
    void deployTasksGoToDeployAgentByRule() {
        RoutingPlan plan = router.route(dag(task("ship", "deploy", "Deploy it")), Map.of());

        assertEquals(Map.of("ship", "deploy_agent"), plan.assignments());
        assertEquals("Rule rule_deploy: deployment goes to the deploy agent", plan.explanations().get("ship"));
        assertTrue(plan.isComplete());
    }

    @Test
    void frontendRuleBeatsALowerPriorityGenericRuleWhateverTheListOrder() {
        RoutingRule generic = new RoutingRule("frontend_generic", "frontend", Map.of(), "builder_agent", 5, "fallback");
        HaloRouter withGeneric = new HaloRouter(new AgentCatalogue(),
                List.of(generic, HaloRouter.REFERENCE_RULES.get(4)));

        RoutingPlan plan = withGeneric.route(dag(task("ui", "frontend", "Build the UI")), Map.of());

        assertEquals("frontend_agent", plan.assignments().get("ui"));
        assertTrue(plan.explanations().get("ui").startsWith("Rule rule_frontend: "));
    }

    @Test
    void ruleBeatsCapabilityEvenAgainstAHigherSuccessRate() {
        RoutingPlan plan = router.route(dag(task("evolve", "evolution", "Evolve the builder")), Map.of());

        assertEquals("darwin_agent", plan.assignments().get("evolve"), "rule (20) before genesis_meta_agent's .92");
    }

    @Test
    void darwinBugFixRuleMatchesOnlyWithItsMetadataCondition() {
        RoutingPlan plan = router.route(dag(
                task("agent_bug", "fix_bug", Map.of("target", "agent_code")),
                task("app_bug", "fix_bug", Map.of("target", "app_code")),
                task("slow_agent", "optimize", Map.of("target", "agent_performance"))), Map.of());

        assertEquals("Rule evolution_bug_fix: bugs in agent code are fixed by the Darwin agent",
                plan.explanations().get("agent_bug"));
        assertEquals("Capability match: darwin_agent supports fix_bug (success_rate=0.00, workload=1)",
                plan.explanations().get("app_bug"));
        assertEquals("Rule evolution_performance: agent performance is optimized by the Darwin agent",
                plan.explanations().get("slow_agent"));
    }

    @Test
    void overloadedRuleTargetFallsBackToCapabilityMatch() {
        RoutingPlan plan = router.route(dag(task("arch", "architecture", "Plan it")), Map.of("architect_agent", 10));

        assertEquals("spec_agent", plan.assignments().get("arch"));
        assertEquals("Capability match: spec_agent supports architecture (success_rate=0.85, workload=0)",
                plan.explanations().get("arch"));
    }

    @Test
    void capabilityMatchTieOnSuccessRateGoesToTheLessBusyAgent() {
        AgentCatalogue twins = new AgentCatalogue(List.of(
                new AgentProfile("writer_a", List.of("content"), List.of(), CostTier.CHEAP, 0.8, 10),
                new AgentProfile("writer_b", List.of("content"), List.of(), CostTier.CHEAP, 0.8, 10)));
        HaloRouter twinRouter = new HaloRouter(twins, List.of());

        RoutingPlan busyA = twinRouter.route(dag(task("post", "content", "Write")), Map.of("writer_a", 2));
        RoutingPlan idle = twinRouter.route(dag(task("post", "content", "Write")), Map.of());
        RoutingPlan three = twinRouter.route(dag(task("p1", "content", "one"), task("p2", "content", "two"),
                task("p3", "content", "three")), Map.of());

        assertEquals("writer_b", busyA.assignments().get("post"));
        assertEquals("Capability match: writer_b supports content (success_rate=0.80, workload=0)",
                busyA.explanations().get("post"));
        assertEquals("writer_a", idle.assignments().get("post"), "full tie: first in catalogue order");
        assertEquals(Map.of("p1", "writer_a", "p2", "writer_b", "p3", "writer_a"), three.assignments());
    }

    @Test
    void capacityIsJudgedOnRunningTasksSoAPlanMayGiveOneAgentMoreThanTenTasks() {
        List<PlannedTask> coding = IntStream.range(0, 12)
                .mapToObj(i -> task("c" + i, "code", "module " + i)).toList();

        RoutingPlan plan = router.route(new TaskDag(coding), Map.of("builder_agent", 3));

        assertTrue(plan.isComplete(), "the reference would leave c10 and c11 unassigned");
        assertEquals(Map.of("builder_agent", 3), plan.metadata().get(HaloRouter.RUNNING_WORKLOAD));
        assertEquals(Map.of("builder_agent", 12), plan.metadata().get(HaloRouter.PLANNED_WORKLOAD));
    }

    @Test
    void capabilityMatchPrefersHigherSuccessRate() {
        RoutingPlan plan = router.route(dag(task("post", "content", "Write the first post")), Map.of());

        assertEquals("content_agent", plan.assignments().get("post"), ".80 beats the marketing agent's .78");
    }

    @Test
    void roleNameResolvesThroughTheAliasRegistry() {
        RoutingPlan plan = router.route(dag(task("invoices", "billing", "Send invoices")), Map.of());

        assertEquals("finance_agent", plan.assignments().get("invoices"));
        assertEquals("Alias registry resolution: finance_agent matched via role=billing",
                plan.explanations().get("invoices"));
    }

    @Test
    void taskNoAgentSupportsIsUnassigned() {
        RoutingPlan plan = router.route(dag(task("a", "deploy", "Deploy"), task("b", "teleport", "Beam up", "a")),
                Map.of());

        assertEquals(List.of("b"), plan.unassigned());
        assertEquals("No matching agent for task_type=teleport", plan.explanations().get("b"));
        assertEquals(Map.of("a", "deploy_agent"), plan.assignments());
    }

    @Test
    void agentAtCapacityTakesNoMoreTasksAndWorkloadAcceptsGenesisNames() {
        RoutingPlan plan = router.route(dag(task("r", "analytics", "Report")), Map.of("analyst_agent", 10));

        assertEquals(List.of("r"), plan.unassigned());
    }

    @Test
    void cyclicDagIsNotRouted() {
        RoutingPlan plan = router.route(dag(task("a", "code", "x", "b"), task("b", "code", "y", "a")), Map.of());

        assertEquals(Map.of(), plan.assignments());
        assertEquals(List.of("a", "b"), plan.unassigned());
        assertEquals("cycle", plan.metadata().get("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"saas_tool", "content_website", "ecommerce_store", "newsletter_automation"})
    void everyPlannedTaskOfEveryBlueprintIsRoutedTheSameWayTwice(String type) {
        TaskDag dag = new HtdagPlanner().plan(new PlanningRequest("b-1", type, "An idea", List.of("Login", "Search"),
                List.of()));

        RoutingPlan plan = router.route(dag, Map.of());

        assertTrue(plan.isComplete(), plan.unassigned().toString());
        assertEquals(plan, router.route(dag, Map.of()));
    }
}
