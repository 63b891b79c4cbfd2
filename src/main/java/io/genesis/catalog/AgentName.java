package io.genesis.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 22 agents and the Meta-Agent, by the names the runtime knows them under ({@code genesis.agents}; {@link #id()}
 * is the constant's name in lower case). Each agent's usual task type (HALO's first task type of the agent, reported
 * by a result whose task names none) and the artefact keys its role's result is expected to carry (the HGM judge's
 * completeness check) are part of its identity. The Meta-Agent does no role work of its own: no task type, no
 * artefact.
 */
public enum AgentName {
    BUSINESS_IDEA_GENERATOR("idea_generation", "name", "description", "mvp_features"),
    BUILDER_AGENT("implement", "files", "summary"),
    DEPLOY_AGENT("deploy", "deployment_url", "provider"),
    QA_AGENT("test", "tests_total", "tests_passed", "tests_failed"),
    RESEARCH_AGENT("research", "findings", "competitors"),
    SPEC_AGENT("design", "spec", "requirements"),
    ARCHITECT_AGENT("architecture", "architecture", "components"),
    FRONTEND_AGENT("frontend", "pages", "components"),
    BACKEND_AGENT("backend", "endpoints", "schema"),
    SECURITY_AGENT("security", "findings", "severity_counts"),
    MONITORING_AGENT("monitor", "checks", "alerts"),
    SEO_AGENT("seo", "keywords", "meta_tags"),
    CONTENT_AGENT("content", "articles"),
    MARKETING_AGENT("marketing", "channels", "campaigns"),
    SALES_AGENT("sales", "leads", "pipeline"),
    SUPPORT_AGENT("support", "faq", "channels"),
    FINANCE_AGENT("finance", "budget", "costs"),
    PRICING_AGENT("pricing", "tiers"),
    ANALYTICS_AGENT("analytics", "metrics", "dashboards"),
    EMAIL_AGENT("email", "sequences"),
    COMMERCE_AGENT("commerce", "products", "checkout"),
    DARWIN_AGENT("improve_agent", "improvements"),
    GENESIS_META_AGENT(null);

    private static final Map<String, AgentName> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AgentName::id, Function.identity()));

    private final String id;
    private final String usualTaskType;
    private final List<String> artefacts;

    AgentName(String usualTaskType, String... artefacts) {
        this.id = name().toLowerCase(Locale.ROOT);
        this.usualTaskType = usualTaskType;
        this.artefacts = List.of(artefacts);
    }

    /** The agent's name in the runtime, in configuration keys, streams and results. */
    public String id() {
        return id;
    }

    /** The task type the agent's role usually does; empty for the Meta-Agent. */
    public Optional<String> usualTaskType() {
        return Optional.ofNullable(usualTaskType);
    }

    /** The keys the agent's role result carries; empty for the Meta-Agent. */
    public List<String> artefacts() {
        return artefacts;
    }

    /** The agent of that runtime name, if it is one of ours. */
    public static Optional<AgentName> of(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }
}
