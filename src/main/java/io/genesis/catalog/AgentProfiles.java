package io.genesis.catalog;

import java.util.List;
import java.util.Map;

import static io.genesis.catalog.CostTier.CHEAP;
import static io.genesis.catalog.CostTier.EXPENSIVE;
import static io.genesis.catalog.CostTier.MEDIUM;

/**
 * The agents the HALO router can choose from, named as in our runtime ({@link AgentName}): their static profiles.
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
public final class AgentProfiles {

    /** Agent names of the Genesis code that differ from ours. */
    public static final Map<String, String> AGENT_ALIASES = Map.of(
            "analyst_agent", AgentName.ANALYTICS_AGENT.id(),
            "genesis_agent", AgentName.GENESIS_META_AGENT.id());

    /** Role → agent: roles named by the Genesis business archetypes and guide that no agent lists as a task type. */
    public static final Map<String, String> ROLE_ALIASES = Map.of(
            "analyst", AgentName.ANALYTICS_AGENT.id(),
            "billing", AgentName.FINANCE_AGENT.id(),
            "growth", AgentName.MARKETING_AGENT.id(),
            "copywriter", AgentName.CONTENT_AGENT.id(),
            "maintenance", AgentName.MONITORING_AGENT.id(),
            "onboarding", AgentName.SUPPORT_AGENT.id(),
            "idea", AgentName.BUSINESS_IDEA_GENERATOR.id(),
            "orchestration", AgentName.GENESIS_META_AGENT.id());

    public static final List<AgentProfile> REFERENCE_PROFILES = List.of(
            reference(AgentName.SPEC_AGENT.id(), List.of("design", "requirements", "architecture", "planning"),
                    List.of("specification", "planning", "requirements_analysis"), CHEAP, 0.85),
            reference(AgentName.ARCHITECT_AGENT.id(), List.of("architecture", "system_design", "technical_spec"),
                    List.of("system_design", "architecture", "scalability"), MEDIUM, 0.88),
            reference(AgentName.BUILDER_AGENT.id(), List.of("implement", "code", "build", "develop", "generic", "api_call", "file_write"),
                    List.of("coding", "debugging", "refactoring"), MEDIUM, 0.82),
            reference(AgentName.FRONTEND_AGENT.id(), List.of("frontend", "ui", "design_implementation"),
                    List.of("react", "vue", "css", "javascript"), MEDIUM, 0.80),
            reference(AgentName.BACKEND_AGENT.id(), List.of("backend", "api", "database"),
                    List.of("python", "node", "sql", "api_design"), MEDIUM, 0.83),
            reference(AgentName.QA_AGENT.id(), List.of("test", "validation", "qa", "quality_assurance", "test_run"),
                    List.of("testing", "test_automation", "quality_assurance"), CHEAP, 0.87),
            reference(AgentName.SECURITY_AGENT.id(), List.of("security", "vulnerability_scan", "penetration_test"),
                    List.of("security", "vulnerability_analysis", "compliance"), MEDIUM, 0.90),
            reference(AgentName.DEPLOY_AGENT.id(), List.of("deploy", "infrastructure", "devops"),
                    List.of("devops", "cloud", "kubernetes", "ci_cd"), MEDIUM, 0.84),
            reference(AgentName.MONITORING_AGENT.id(), List.of("monitor", "observability", "metrics"),
                    List.of("monitoring", "alerting", "performance_analysis"), CHEAP, 0.86),
            reference(AgentName.MARKETING_AGENT.id(), List.of("marketing", "promotion", "content"),
                    List.of("marketing", "advertising", "content_creation"), CHEAP, 0.78),
            reference(AgentName.SALES_AGENT.id(), List.of("sales", "outreach", "lead_generation"),
                    List.of("sales", "outreach", "prospecting"), CHEAP, 0.75),
            reference(AgentName.SUPPORT_AGENT.id(), List.of("support", "customer_service", "help"),
                    List.of("customer_support", "troubleshooting", "documentation"), CHEAP, 0.82),
            reference(AgentName.ANALYTICS_AGENT.id(), List.of("analytics", "reporting", "data_analysis"),
                    List.of("data_analysis", "reporting", "visualization"), MEDIUM, 0.85),
            reference(AgentName.RESEARCH_AGENT.id(), List.of("research", "discovery", "investigation"),
                    List.of("research", "analysis", "competitive_intelligence"), MEDIUM, 0.81),
            reference(AgentName.FINANCE_AGENT.id(), List.of("finance", "accounting", "budgeting"),
                    List.of("finance", "accounting", "budgeting", "pricing"), MEDIUM, 0.88),
            new AgentProfile(AgentName.DARWIN_AGENT.id(), List.of("evolution", "improve_agent", "fix_bug", "optimize"),
                    List.of("self_improvement", "code_generation", "benchmark_validation", "agent_evolution",
                            "meta_programming"), EXPENSIVE, 0.0, 3),
            reference(AgentName.GENESIS_META_AGENT.id(), List.of("review", "refine", "coordination", "evolution", "quality"),
                    List.of("system_thinking", "orchestration", "quality_review"), EXPENSIVE, 0.92),
            reference(AgentName.SEO_AGENT.id(), List.of("seo", "keyword_research", "seo_audit"),
                    List.of("seo", "keyword_research", "content_optimization"), CHEAP, 0.84),
            reference(AgentName.CONTENT_AGENT.id(), List.of("content", "copywriting", "editorial", "blog"),
                    List.of("content_creation", "copywriting", "editing"), CHEAP, 0.80),
            reference(AgentName.EMAIL_AGENT.id(), List.of("email", "newsletter", "email_campaign"),
                    List.of("email_marketing", "automation", "segmentation"), CHEAP, 0.83),
            reference(AgentName.COMMERCE_AGENT.id(), List.of("commerce", "payments", "checkout", "catalog", "fulfillment"),
                    List.of("ecommerce", "payments", "inventory", "order_management"), MEDIUM, 0.82),
            reference(AgentName.PRICING_AGENT.id(), List.of("pricing", "monetization", "price_optimization"),
                    List.of("pricing", "market_analysis", "revenue_modeling"), CHEAP, 0.84),
            reference(AgentName.BUSINESS_IDEA_GENERATOR.id(), List.of("idea_generation", "ideation", "business_idea"),
                    List.of("ideation", "market_analysis", "trend_analysis"), MEDIUM, 0.80));

    private AgentProfiles() {
    }

    private static AgentProfile reference(String name, List<String> taskTypes, List<String> skills, CostTier tier,
                                        double successRate) {
        return new AgentProfile(name, taskTypes, skills, tier, successRate, AgentProfile.DEFAULT_MAX_CONCURRENT);
    }
}
