package io.genesis.teams;

import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamRequirementsTest {

    private final BusinessArchetypes archetypes = new BusinessArchetypes();

    @Test
    void saasToolNeedsTheCodesCapabilitiesPlusItsRequiredRoles() {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        TeamRequirements requirements = TeamRequirements.fromBusiness(saas, saas.typicalFeatures(), saas.techStack(),
                saas.monetizationModel());
        // always coding/deployment/code_review; Next.js/React -> architecture+frontend; Stripe -> payments;
        // monetized -> content_strategy+marketing; required qa_agent -> testing
        assertEquals(Set.of("coding", "deployment", "code_review", "architecture", "frontend", "payments",
                "content_strategy", "marketing", "testing"), requirements.capabilities());
        assertEquals(Set.of("builder_agent", "deploy_agent", "qa_agent", "marketing_agent"), requirements.mandatoryAgents(),
                "builder/deploy/qa always, marketing for a go-to-market heavy archetype");
        assertEquals(1.0, requirements.priority());
    }

    @Test
    void pythonAndTestToolsAndCustomerFacingTypesAddRequirements() {
        BusinessArchetype chatbot = archetypes.byType("ai_chatbot_service").orElseThrow();
        TeamRequirements requirements = TeamRequirements.fromBusiness(chatbot, List.of("Embeddable chat widget"),
                List.of("Python", "FastAPI", "Pytest"), null);
        assertTrue(requirements.capabilities().containsAll(Set.of("python", "testing", "customer_support", "data_analysis")));
        assertTrue(requirements.capabilities().stream().noneMatch(Set.of("marketing", "frontend")::contains),
                "no monetization and no next/react: " + requirements.capabilities());
        assertTrue(requirements.mandatoryAgents().contains("support_agent"), "customer-facing");
        assertTrue(requirements.reasons().contains("capability python: python in the tech stack"), requirements.reasons().toString());
    }

    @Test
    void commerceInTheFeaturesMeansPayments() {
        BusinessArchetype landing = archetypes.byType("landing_page_waitlist").orElseThrow();
        TeamRequirements requirements = TeamRequirements.fromBusiness(landing, List.of("Pre-order checkout"), List.of("Astro"), "");
        assertTrue(requirements.capabilities().contains("payments"));
    }

    @Test
    void mandatoryAgentsMustBeTeamGenotypes() {
        assertThrows(IllegalArgumentException.class,
                () -> new TeamRequirements(Set.of("coding"), Set.of("legal_agent"), 1.0, List.of()));
    }
}
