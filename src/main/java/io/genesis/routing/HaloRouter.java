package io.genesis.routing;

import io.genesis.catalog.AgentName;
import io.genesis.catalog.AgentProfile;
import io.genesis.planning.PlannedTask;
import io.genesis.planning.TaskDag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HALO router ({@code halo_router.py}, arXiv 2505.13516). For each task, in topological order:
 * <ol>
 *   <li>the declarative rules for its type, highest priority first (equal priorities in list order); a rule matches
 *   when every condition equals the task's metadata; its agent must be under capacity;</li>
 *   <li>the alias registry: the agent a role name resolves to ({@link io.genesis.catalog.AgentProfiles#ROLE_ALIASES});</li>
 *   <li>capability match: among agents supporting the type and under capacity, the highest
 *   {@code (successRate, -workload)}; a full tie goes to the first in catalogue order;</li>
 *   <li>otherwise the task is unassigned.</li>
 * </ol>
 * "Under capacity" compares the tasks an agent is running now (the caller's figures; Genesis-code names such as
 * {@code analyst_agent} are accepted) with its {@code maxConcurrent}. The workload that breaks capability ties, and
 * that explanations show, is running plus planned so far in this plan, so equal agents share a plan's tasks. (The
 * reference counts the plan's own assignments against {@code max_concurrent_tasks}, which leaves the 11th coding task
 * of any plan unassigned although the tasks do not all run at once; the runtime's consumers bound real concurrency.)
 * The reference's memory-recall step 0 (CaseBank) belongs to the memory component and is not part of this router.
 * A cyclic DAG gets no assignments: every task is unassigned and {@code metadata.error} says why.
 */
@ApplicationScoped
public class HaloRouter {

    public static final List<RoutingRule> REFERENCE_RULES = List.of(
            rule("rule_design", "design", AgentName.SPEC_AGENT.id(), 10, "design work goes to the spec agent"),
            rule("rule_architecture", "architecture", AgentName.ARCHITECT_AGENT.id(), 10, "architecture goes to the architect agent"),
            rule("rule_requirements", "requirements", AgentName.SPEC_AGENT.id(), 10, "requirements go to the spec agent"),
            rule("rule_implement", "implement", AgentName.BUILDER_AGENT.id(), 10, "implementation goes to the builder agent"),
            rule("rule_frontend", "frontend", AgentName.FRONTEND_AGENT.id(), 15, "frontend work goes to the frontend agent"),
            rule("rule_backend", "backend", AgentName.BACKEND_AGENT.id(), 15, "backend work goes to the backend agent"),
            rule("rule_code", "code", AgentName.BUILDER_AGENT.id(), 10, "coding goes to the builder agent"),
            rule("rule_test", "test", AgentName.QA_AGENT.id(), 10, "testing goes to the QA agent"),
            rule("rule_security", "security", AgentName.SECURITY_AGENT.id(), 10, "security work goes to the security agent"),
            rule("rule_deploy", "deploy", AgentName.DEPLOY_AGENT.id(), 10, "deployment goes to the deploy agent"),
            rule("rule_infrastructure", "infrastructure", AgentName.DEPLOY_AGENT.id(), 10, "infrastructure goes to the deploy agent"),
            rule("rule_monitoring", "monitor", AgentName.MONITORING_AGENT.id(), 10, "monitoring goes to the monitoring agent"),
            rule("rule_marketing", "marketing", AgentName.MARKETING_AGENT.id(), 10, "marketing goes to the marketing agent"),
            rule("rule_sales", "sales", AgentName.SALES_AGENT.id(), 10, "sales work goes to the sales agent"),
            rule("rule_support", "support", AgentName.SUPPORT_AGENT.id(), 10, "support goes to the support agent"),
            rule("rule_analytics", "analytics", AgentName.ANALYTICS_AGENT.id(), 10, "analytics goes to the analytics agent"),
            rule("rule_research", "research", AgentName.RESEARCH_AGENT.id(), 10, "research goes to the research agent"),
            rule("rule_finance", "finance", AgentName.FINANCE_AGENT.id(), 10, "finance goes to the finance agent"),
            rule("rule_api_call", "api_call", AgentName.BUILDER_AGENT.id(), 15, "API calls are executed by the builder agent"),
            rule("rule_file_write", "file_write", AgentName.BUILDER_AGENT.id(), 15, "file writes are executed by the builder agent"),
            rule("rule_test_run", "test_run", AgentName.QA_AGENT.id(), 15, "test runs are executed by the QA agent"),
            rule("rule_generic", "generic", AgentName.BUILDER_AGENT.id(), 5, "the builder agent is the default handler"),
            rule("evolution_general", "evolution", AgentName.DARWIN_AGENT.id(), 20, "evolution goes to the Darwin agent"),
            rule("evolution_agent_improvement", "improve_agent", AgentName.DARWIN_AGENT.id(), 20,
                    "agent improvement goes to the Darwin agent"),
            new RoutingRule("evolution_bug_fix", "fix_bug", Map.of("target", "agent_code"), AgentName.DARWIN_AGENT.id(), 15,
                    "bugs in agent code are fixed by the Darwin agent"),
            new RoutingRule("evolution_performance", "optimize", Map.of("target", "agent_performance"), AgentName.DARWIN_AGENT.id(),
                    15, "agent performance is optimized by the Darwin agent"));

    /** Metadata key: tasks running per agent when the plan was made (only agents with some). */
    public static final String RUNNING_WORKLOAD = "running_workload";
    /** Metadata key: tasks this plan gives each agent. */
    public static final String PLANNED_WORKLOAD = "planned_workload";

    private final AgentCatalogue catalogue;
    private final List<RoutingRule> rules;

    public HaloRouter() {
        this(new AgentCatalogue());
    }

    @Inject
    public HaloRouter(AgentCatalogue catalogue) {
        this(catalogue, REFERENCE_RULES);
    }

    public HaloRouter(AgentCatalogue catalogue, List<RoutingRule> rules) {
        this.catalogue = catalogue;
        this.rules = rules.stream().sorted(Comparator.comparingInt(RoutingRule::priority).reversed()).toList();
    }

    /**
     * @param workload tasks already running per agent (may be empty)
     */
    public RoutingPlan route(TaskDag dag, Map<String, Integer> workload) {
        Load load = new Load(workload);
        Map<String, String> assignments = new LinkedHashMap<>();
        Map<String, String> explanations = new LinkedHashMap<>();
        if (dag.hasCycle()) {
            List<String> all = dag.tasks().stream().map(PlannedTask::id).toList();
            all.forEach(id -> explanations.put(id, "Not routed: the DAG has a cycle"));
            return new RoutingPlan(assignments, explanations, all, Map.of("router", "halo", "error", "cycle"));
        }
        List<String> unassigned = new ArrayList<>();
        for (String id : dag.topologicalOrder()) {
            PlannedTask task = dag.task(id).orElseThrow();
            Optional<Decision> decision = decide(task, load);
            if (decision.isPresent()) {
                assignments.put(id, decision.get().agent());
                explanations.put(id, decision.get().explanation());
                load.planned.merge(decision.get().agent(), 1, Integer::sum);
            } else {
                unassigned.add(id);
                explanations.put(id, "No matching agent for task_type=" + task.taskType());
            }
        }
        return new RoutingPlan(assignments, explanations, unassigned, Map.of("router", "halo",
                RUNNING_WORKLOAD, nonZero(load.running), PLANNED_WORKLOAD, nonZero(load.planned)));
    }

    private record Decision(String agent, String explanation) {
    }

    /** Tasks running now (the caller's figures; they decide capacity) and tasks this plan gives each agent. */
    private final class Load {
        final Map<String, Integer> running = new LinkedHashMap<>();
        final Map<String, Integer> planned = new LinkedHashMap<>();

        Load(Map<String, Integer> workload) {
            catalogue.all().forEach(agent -> {
                running.put(agent.name(), 0);
                planned.put(agent.name(), 0);
            });
            workload.forEach((agent, count) -> running.computeIfPresent(catalogue.canonicalName(agent),
                    (name, sum) -> sum + count));
        }

        boolean available(String agent) {
            return catalogue.profile(agent).map(p -> running.get(p.name()) < p.maxConcurrent()).orElse(false);
        }

        int of(String agent) {
            return running.get(agent) + planned.get(agent);
        }
    }

    private Optional<Decision> decide(PlannedTask task, Load load) {
        String type = task.taskType();
        for (RoutingRule rule : rules) {
            if (rule.matches(type, task.metadata()) && load.available(rule.targetAgent())) {
                return Optional.of(new Decision(catalogue.canonicalName(rule.targetAgent()),
                        "Rule " + rule.id() + ": " + rule.explanation()));
            }
        }
        Optional<AgentProfile> alias = catalogue.forRole(type).filter(p -> load.available(p.name()));
        if (alias.isPresent()) {
            return Optional.of(new Decision(alias.get().name(),
                    "Alias registry resolution: " + alias.get().name() + " matched via role=" + type));
        }
        return catalogue.supporting(type).stream()
                .filter(p -> load.available(p.name()))
                .reduce((current, candidate) -> better(candidate, current, load) ? candidate : current)
                .map(p -> new Decision(p.name(), String.format(Locale.ROOT,
                        "Capability match: %s supports %s (success_rate=%.2f, workload=%d)",
                        p.name(), type, p.successRate(), load.of(p.name()))));
    }

    /** Strictly better by (success rate, -workload); ties keep the earlier agent. */
    private static boolean better(AgentProfile candidate, AgentProfile current, Load load) {
        int bySuccess = Double.compare(candidate.successRate(), current.successRate());
        return bySuccess > 0 || bySuccess == 0 && load.of(candidate.name()) < load.of(current.name());
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
        Map<String, Integer> copy = new LinkedHashMap<>(counts);
        copy.values().removeIf(count -> count == 0);
        return Collections.unmodifiableMap(copy);
    }

    private static RoutingRule rule(String id, String taskType, String agent, int priority, String explanation) {
        return new RoutingRule(id, taskType, Map.of(), agent, priority, explanation);
    }
}
