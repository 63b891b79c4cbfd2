package io.genesis.teams;

import io.genesis.catalog.AgentName;
import io.genesis.catalog.Genotypes;
import io.genesis.catalog.BusinessArchetype;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a team must be able to do, and who must be on it.
 *
 * @param capabilities    capabilities the team must cover (kept sorted, so the swarm is deterministic)
 * @param mandatoryAgents agents every candidate team contains (kept sorted)
 * @param priority        multiplier of the fitness (the Genesis code's task priority, 1.0 by default)
 * @param reasons         why each capability and mandatory agent was asked for, for the explanation
 */
public record TeamRequirements(Set<String> capabilities, Set<String> mandatoryAgents, double priority,
                               List<String> reasons) {

    public static final double DEFAULT_PRIORITY = 1.0;

    /** Always required ({@code _extract_required_capabilities}). */
    static final List<String> BASE_CAPABILITIES = List.of("coding", "deployment", "code_review");
    static final List<String> FRONTEND_KEYWORDS = List.of("next", "react");
    static final List<String> TESTING_KEYWORDS = List.of("test", "jest", "vitest", "playwright", "cypress", "junit");
    static final List<String> PAYMENT_KEYWORDS = List.of("stripe", "payment", "checkout", "commerce");
    /** Guide 6.3: builder, deploy and QA roles on every team. */
    static final List<String> ALWAYS_ON_TEAM = List.of(AgentName.BUILDER_AGENT.id(), AgentName.DEPLOY_AGENT.id(), AgentName.QA_AGENT.id());
    /** Guide 6.3 "support agent for customer-facing products": archetypes whose users need help to buy or use it. */
    static final Set<String> CUSTOMER_FACING = Set.of("ecommerce_store", "marketplace", "ai_chatbot_service", "no_code_tool");
    /** Guide 6.3 "growth agent for go-to-market heavy archetypes": our growth role is marketing_agent. */
    static final Set<String> GO_TO_MARKET_HEAVY = Set.of("saas_tool", "landing_page_waitlist", "newsletter_automation");

    public TeamRequirements {
        capabilities = Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
        mandatoryAgents = Collections.unmodifiableSortedSet(new TreeSet<>(mandatoryAgents));
        reasons = List.copyOf(reasons);
        if (!(priority > 0)) {
            throw new IllegalArgumentException("priority must be > 0");
        }
        for (String agent : mandatoryAgents) {
            if (Genotypes.of(agent).isEmpty()) {
                throw new IllegalArgumentException("mandatory agent " + agent + " is not a team genotype");
            }
        }
    }

    /**
     * Requirements of one business. Capabilities, after {@code GenesisMetaAgent._extract_required_capabilities}:
     * coding, deployment and code_review always; python if the stack mentions python; architecture and frontend
     * for next/react; testing for a test tool in the stack; payments for stripe/payment (and, after guide 6.3,
     * checkout/commerce) in the stack or features; content_strategy and marketing when a monetization model is set.
     * Beyond the code, each role the archetype requires adds its signature capability (the guide: required agents
     * are "the minimum roles to cover all capabilities"), so the swarm must cover it but may pick who does.
     * Mandatory agents, from the guide's team checklist (6.3): builder, deploy and qa always; support for
     * customer-facing archetypes; marketing for go-to-market heavy ones.
     *
     * @param archetype    the business type
     * @param features     the MVP features of this business
     * @param techStack    its technologies
     * @param monetization its monetization model; null or blank for none
     */
    public static TeamRequirements fromBusiness(BusinessArchetype archetype, Collection<String> features,
                                                Collection<String> techStack, String monetization) {
        Objects.requireNonNull(archetype, "archetype");
        String stack = lower(techStack);
        String stackAndFeatures = stack + "\n" + lower(features);
        SortedSet<String> capabilities = new TreeSet<>();
        SortedSet<String> mandatory = new TreeSet<>();
        List<String> reasons = new ArrayList<>();

        require(capabilities, reasons, "always required", BASE_CAPABILITIES);
        if (stack.contains("python")) {
            require(capabilities, reasons, "python in the tech stack", List.of("python"));
        }
        if (containsAny(stack, FRONTEND_KEYWORDS)) {
            require(capabilities, reasons, "next/react in the tech stack", List.of("architecture", "frontend"));
        }
        if (containsAny(stack, TESTING_KEYWORDS)) {
            require(capabilities, reasons, "a test tool in the tech stack", List.of("testing"));
        }
        if (containsAny(stackAndFeatures, PAYMENT_KEYWORDS)) {
            require(capabilities, reasons, "payments in the tech stack or features", List.of("payments"));
        }
        if (monetization != null && !monetization.isBlank()) {
            require(capabilities, reasons, "monetized (" + monetization.strip() + ")", List.of("content_strategy", "marketing"));
        }
        for (String agent : archetype.requiredAgents()) {
            Genotypes.of(agent).ifPresent(genotype -> require(capabilities, reasons,
                    archetype.type() + " requires " + agent, List.of(genotype.signatureCapability())));
        }

        mandate(mandatory, reasons, "every team has builder, deploy and QA roles", ALWAYS_ON_TEAM);
        if (CUSTOMER_FACING.contains(archetype.type())) {
            mandate(mandatory, reasons, archetype.type() + " is customer-facing", List.of(AgentName.SUPPORT_AGENT.id()));
        }
        if (GO_TO_MARKET_HEAVY.contains(archetype.type())) {
            mandate(mandatory, reasons, archetype.type() + " is go-to-market heavy", List.of(AgentName.MARKETING_AGENT.id()));
        }
        return new TeamRequirements(capabilities, mandatory, DEFAULT_PRIORITY, reasons);
    }

    private static void require(SortedSet<String> capabilities, List<String> reasons, String why, List<String> added) {
        for (String capability : added) {
            if (capabilities.add(capability)) {
                reasons.add("capability " + capability + ": " + why);
            }
        }
    }

    private static void mandate(SortedSet<String> mandatory, List<String> reasons, String why, List<String> agents) {
        for (String agent : agents) {
            if (mandatory.add(agent)) {
                reasons.add("agent " + agent + ": " + why);
            }
        }
    }

    private static String lower(Collection<String> values) {
        return values == null ? "" : String.join("\n", values).toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, List<String> keywords) {
        return keywords.stream().anyMatch(text::contains);
    }
}
