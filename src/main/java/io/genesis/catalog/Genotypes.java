package io.genesis.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 15 genotypes of the swarm, after {@code GENESIS_GENOTYPES} of the Genesis code, keyed by our agent names.
 * The code's roles map to our registry as in {@code BusinessArchetypes}: analyst -&gt; analytics_agent, billing -&gt;
 * finance_agent, maintenance -&gt; monitoring_agent. Two roles have no agent of their own here: legal is folded into
 * security_agent (compliance, privacy, legal review) and onboarding into support_agent (onboarding, documentation);
 * their two slots go to frontend_agent and architect_agent, the agents for the "frontend" and "architecture"
 * capabilities that the capability extraction asks for (no genotype of the code could cover "frontend"). Module and
 * capability sets are ours, written so that every capability the team requirements ({@code io.genesis.teams}) can
 * ask for has a holder.
 */
public final class Genotypes {

    /** In this order the swarm's particles encode teams (bit i = agent i). */
    public static final List<AgentGenotype> ALL = List.of(
            genotype(AgentName.QA_AGENT.id(), GenotypeGroup.ANALYSIS, "testing",
                    Set.of("llm", "code_analysis", "test_runner", "quality_gate", "ast_parser"),
                    Set.of("testing", "code_review", "python", "debugging", "test_automation")),
            genotype(AgentName.BUILDER_AGENT.id(), GenotypeGroup.INFRASTRUCTURE, "coding",
                    Set.of("llm", "code_gen", "refactoring", "ast_builder", "scaffolding"),
                    Set.of("coding", "python", "architecture", "implementation", "api_design")),
            genotype(AgentName.SUPPORT_AGENT.id(), GenotypeGroup.CUSTOMER_INTERACTION, "customer_support",
                    Set.of("llm", "conversation", "ticketing", "knowledge_base", "tutorial_gen"),
                    Set.of("customer_support", "troubleshooting", "documentation", "user_onboarding")),
            genotype(AgentName.DEPLOY_AGENT.id(), GenotypeGroup.INFRASTRUCTURE, "deployment",
                    Set.of("llm", "ci_cd", "containers", "cloud_api", "monitoring"),
                    Set.of("deployment", "ci_cd", "devops", "infrastructure")),
            genotype(AgentName.MARKETING_AGENT.id(), GenotypeGroup.CUSTOMER_INTERACTION, "marketing",
                    Set.of("llm", "campaign_planner", "social_media", "analytics", "conversation"),
                    Set.of("marketing", "growth", "advertising", "social_media", "content_creation")),
            genotype(AgentName.ANALYTICS_AGENT.id(), GenotypeGroup.ANALYSIS, "data_analysis",
                    Set.of("llm", "data_pipeline", "reporting", "visualization", "analytics"),
                    Set.of("data_analysis", "reporting", "metrics", "dashboards")),
            genotype(AgentName.FINANCE_AGENT.id(), GenotypeGroup.FINANCE, "payments",
                    Set.of("llm", "payment_gateway", "invoicing", "ledger", "subscription_engine"),
                    Set.of("payments", "subscriptions", "invoicing", "accounting", "pricing")),
            genotype(AgentName.CONTENT_AGENT.id(), GenotypeGroup.CONTENT, "content_strategy",
                    Set.of("llm", "writing", "editing", "content_planner"),
                    Set.of("content_strategy", "copywriting", "writing", "editing")),
            genotype(AgentName.SEO_AGENT.id(), GenotypeGroup.CONTENT, "seo",
                    Set.of("llm", "keyword_research", "analytics", "content_planner"),
                    Set.of("seo", "keyword_research", "site_audit", "content_strategy")),
            genotype(AgentName.EMAIL_AGENT.id(), GenotypeGroup.CONTENT, "email_marketing",
                    Set.of("llm", "writing", "campaign_planner", "segmentation", "email_delivery"),
                    Set.of("email_marketing", "automation", "segmentation", "copywriting")),
            genotype(AgentName.MONITORING_AGENT.id(), GenotypeGroup.INFRASTRUCTURE, "monitoring",
                    Set.of("llm", "monitoring", "alerting", "log_analysis", "debugging"),
                    Set.of("monitoring", "alerting", "uptime", "debugging", "performance")),
            genotype(AgentName.SECURITY_AGENT.id(), GenotypeGroup.ANALYSIS, "security_audit",
                    Set.of("llm", "security_scanner", "compliance_check", "code_analysis", "privacy_audit"),
                    Set.of("security_audit", "vulnerability_scan", "compliance", "privacy", "legal_review")),
            genotype(AgentName.SPEC_AGENT.id(), GenotypeGroup.ANALYSIS, "requirements",
                    Set.of("llm", "requirements_analysis", "design_docs", "planning"),
                    Set.of("requirements", "specification", "planning", "design")),
            genotype(AgentName.ARCHITECT_AGENT.id(), GenotypeGroup.ANALYSIS, "architecture",
                    Set.of("llm", "design_docs", "system_modeling", "code_analysis"),
                    Set.of("architecture", "system_design", "scalability", "api_design")),
            genotype(AgentName.FRONTEND_AGENT.id(), GenotypeGroup.INFRASTRUCTURE, "frontend",
                    Set.of("llm", "code_gen", "ui_components", "ast_builder"),
                    Set.of("frontend", "react", "css", "javascript", "accessibility")));

    private static final Map<String, AgentGenotype> BY_AGENT = index();

    private Genotypes() {
    }

    public static Optional<AgentGenotype> of(String agent) {
        return Optional.ofNullable(agent == null ? null : BY_AGENT.get(agent));
    }

    /** Position of the agent in {@link #ALL}, or -1. */
    public static int indexOf(String agent) {
        AgentGenotype genotype = BY_AGENT.get(agent);
        return genotype == null ? -1 : ALL.indexOf(genotype);
    }

    private static AgentGenotype genotype(String agent, GenotypeGroup group, String signature, Set<String> modules,
                                          Set<String> capabilities) {
        return new AgentGenotype(agent, group, modules, capabilities, signature);
    }

    private static Map<String, AgentGenotype> index() {
        Map<String, AgentGenotype> index = new LinkedHashMap<>();
        ALL.forEach(genotype -> index.put(genotype.agent(), genotype));
        return Map.copyOf(index);
    }
}
