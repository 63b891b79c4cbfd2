package io.genesis.routing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.genesis.routing.CostTier.CHEAP;
import static io.genesis.routing.CostTier.EXPENSIVE;
import static io.genesis.routing.CostTier.MEDIUM;

/**
 * The agents the router can choose from, named as in our runtime ({@code genesis.agents}).
 * <p>
 * The first 17 profiles are the HALO registry of the Genesis code ({@code halo_router.py}) with its task types, skills,
 * tiers and success rates, mapped onto our names: {@code analyst_agent} is our {@code analytics_agent} and
 * {@code genesis_agent} our {@code genesis_meta_agent} (both names stay resolvable, see {@link #AGENT_ALIASES}).
 * HALO lists the genesis agent's skills only in part; {@code orchestration} and {@code quality_review} are ours.
 * <p>
 * Six of our agents are not in HALO; their profiles are ours, chosen to fit their topics: {@code seo_agent},
 * {@code content_agent} (its .80 success rate puts it ahead of the marketing agent's .78 for {@code content} tasks),
 * {@code email_agent}, {@code commerce_agent} (payments and fulfillment of the e-commerce blueprint),
 * {@code pricing_agent} and {@code business_idea_generator}.
 * <p>
 * {@link #ROLE_ALIASES} is the router's alias registry: a role name used as a task type (an archetype's "billing"
 * or "analyst" agent) resolves to the agent that plays it, and that agent counts as supporting the role.
 */
@ApplicationScoped
public class AgentCatalogue {

    /** Agent names of the Genesis code that differ from ours. */
    public static final Map<String, String> AGENT_ALIASES = Map.of(
            "analyst_agent", "analytics_agent",
            "genesis_agent", "genesis_meta_agent");

    /** Role → agent: roles named by the Genesis business archetypes and guide that no agent lists as a task type. */
    public static final Map<String, String> ROLE_ALIASES = Map.of(
            "analyst", "analytics_agent",
            "billing", "finance_agent",
            "growth", "marketing_agent",
            "copywriter", "content_agent",
            "maintenance", "monitoring_agent",
            "onboarding", "support_agent",
            "idea", "business_idea_generator",
            "orchestration", "genesis_meta_agent");

    public static final List<AgentProfile> REFERENCE_PROFILES = List.of(
            reference("spec_agent", List.of("design", "requirements", "architecture", "planning"),
                    List.of("specification", "planning", "requirements_analysis"), CHEAP, 0.85),
            reference("architect_agent", List.of("architecture", "system_design", "technical_spec"),
                    List.of("system_design", "architecture", "scalability"), MEDIUM, 0.88),
            reference("builder_agent", List.of("implement", "code", "build", "develop", "generic", "api_call", "file_write"),
                    List.of("coding", "debugging", "refactoring"), MEDIUM, 0.82),
            reference("frontend_agent", List.of("frontend", "ui", "design_implementation"),
                    List.of("react", "vue", "css", "javascript"), MEDIUM, 0.80),
            reference("backend_agent", List.of("backend", "api", "database"),
                    List.of("python", "node", "sql", "api_design"), MEDIUM, 0.83),
            reference("qa_agent", List.of("test", "validation", "qa", "quality_assurance", "test_run"),
                    List.of("testing", "test_automation", "quality_assurance"), CHEAP, 0.87),
            reference("security_agent", List.of("security", "vulnerability_scan", "penetration_test"),
                    List.of("security", "vulnerability_analysis", "compliance"), MEDIUM, 0.90),
            reference("deploy_agent", List.of("deploy", "infrastructure", "devops"),
                    List.of("devops", "cloud", "kubernetes", "ci_cd"), MEDIUM, 0.84),
            reference("monitoring_agent", List.of("monitor", "observability", "metrics"),
                    List.of("monitoring", "alerting", "performance_analysis"), CHEAP, 0.86),
            reference("marketing_agent", List.of("marketing", "promotion", "content"),
                    List.of("marketing", "advertising", "content_creation"), CHEAP, 0.78),
            reference("sales_agent", List.of("sales", "outreach", "lead_generation"),
                    List.of("sales", "outreach", "prospecting"), CHEAP, 0.75),
            reference("support_agent", List.of("support", "customer_service", "help"),
                    List.of("customer_support", "troubleshooting", "documentation"), CHEAP, 0.82),
            reference("analytics_agent", List.of("analytics", "reporting", "data_analysis"),
                    List.of("data_analysis", "reporting", "visualization"), MEDIUM, 0.85),
            reference("research_agent", List.of("research", "discovery", "investigation"),
                    List.of("research", "analysis", "competitive_intelligence"), MEDIUM, 0.81),
            reference("finance_agent", List.of("finance", "accounting", "budgeting"),
                    List.of("finance", "accounting", "budgeting", "pricing"), MEDIUM, 0.88),
            new AgentProfile("darwin_agent", List.of("evolution", "improve_agent", "fix_bug", "optimize"),
                    List.of("self_improvement", "code_generation", "benchmark_validation", "agent_evolution",
                            "meta_programming"), EXPENSIVE, 0.0, 3),
            reference("genesis_meta_agent", List.of("review", "refine", "coordination", "evolution", "quality"),
                    List.of("system_thinking", "orchestration", "quality_review"), EXPENSIVE, 0.92),
            reference("seo_agent", List.of("seo", "keyword_research", "seo_audit"),
                    List.of("seo", "keyword_research", "content_optimization"), CHEAP, 0.84),
            reference("content_agent", List.of("content", "copywriting", "editorial", "blog"),
                    List.of("content_creation", "copywriting", "editing"), CHEAP, 0.80),
            reference("email_agent", List.of("email", "newsletter", "email_campaign"),
                    List.of("email_marketing", "automation", "segmentation"), CHEAP, 0.83),
            reference("commerce_agent", List.of("commerce", "payments", "checkout", "catalog", "fulfillment"),
                    List.of("ecommerce", "payments", "inventory", "order_management"), MEDIUM, 0.82),
            reference("pricing_agent", List.of("pricing", "monetization", "price_optimization"),
                    List.of("pricing", "market_analysis", "revenue_modeling"), CHEAP, 0.84),
            reference("business_idea_generator", List.of("idea_generation", "ideation", "business_idea"),
                    List.of("ideation", "market_analysis", "trend_analysis"), MEDIUM, 0.80));

    private final Map<String, AgentProfile> byName;

    public AgentCatalogue() {
        this(REFERENCE_PROFILES);
    }

    public AgentCatalogue(List<AgentProfile> profiles) {
        Map<String, AgentProfile> map = new LinkedHashMap<>();
        for (AgentProfile profile : profiles) {
            if (map.putIfAbsent(profile.name(), profile) != null) {
                throw new IllegalArgumentException("agent " + profile.name() + " is listed twice");
            }
        }
        byName = Collections.unmodifiableMap(map);
    }

    /** Every profile, in catalogue order (the order breaks ties). */
    public List<AgentProfile> all() {
        return List.copyOf(byName.values());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** Our name for an agent, also for a Genesis-code name such as {@code analyst_agent}. */
    public String canonicalName(String agent) {
        return AGENT_ALIASES.getOrDefault(agent, agent);
    }

    public Optional<AgentProfile> profile(String agent) {
        return Optional.ofNullable(byName.get(canonicalName(agent)));
    }

    /** The agent a role name resolves to through the alias registry, if it is in this catalogue. */
    public Optional<AgentProfile> forRole(String role) {
        return Optional.ofNullable(ROLE_ALIASES.get(role)).flatMap(this::profile);
    }

    /** Agents that support a task type: those listing it, then the agent its role alias names, in catalogue order. */
    public List<AgentProfile> supporting(String taskType) {
        List<AgentProfile> agents = new ArrayList<>(byName.values().stream()
                .filter(p -> p.taskTypes().contains(taskType)).toList());
        forRole(taskType).filter(p -> !agents.contains(p)).ifPresent(agents::add);
        return agents;
    }

    public boolean supports(String agent, String taskType) {
        return profile(agent).map(p -> supporting(taskType).contains(p)).orElse(false);
    }

    private static AgentProfile reference(String name, List<String> taskTypes, List<String> skills, CostTier tier,
                                        double successRate) {
        return new AgentProfile(name, taskTypes, skills, tier, successRate, AgentProfile.DEFAULT_MAX_CONCURRENT);
    }
}
