package io.genesis.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessArchetypesTest {

    private final BusinessArchetypes archetypes = new BusinessArchetypes();

    @Test
    void tenTypesOfTheGenesisCodeInItsOrder() {
        assertEquals(List.of("saas_tool", "content_website", "ecommerce_store", "landing_page_waitlist", "saas_dashboard",
                "marketplace", "ai_chatbot_service", "api_service", "newsletter_automation", "no_code_tool"), archetypes.types());
    }

    @Test
    void difficultyDeployTimeAndMonetizationFollowTheCodeTable() {
        BusinessArchetype saas = archetypes.byType("saas_tool").orElseThrow();
        assertEquals(Difficulty.EASY, saas.difficulty());
        assertEquals("<4h", saas.timeToDeploy());
        assertEquals("Freemium, $9-29/month", saas.monetizationModel());
        assertEquals(Difficulty.HARD, archetypes.byType("marketplace").orElseThrow().difficulty());
        assertEquals("<12h", archetypes.byType("marketplace").orElseThrow().timeToDeploy());
        assertEquals(List.of("saas_tool", "content_website", "landing_page_waitlist", "newsletter_automation"),
                archetypes.byDifficulty(Difficulty.EASY).stream().map(BusinessArchetype::type).toList());
    }

    @Test
    void everyArchetypeHasSevenOrEightFeaturesAndSixOrSevenTechnologies() {
        for (BusinessArchetype archetype : archetypes.all()) {
            int features = archetype.typicalFeatures().size();
            int technologies = archetype.techStack().size();
            assertTrue(features >= 7 && features <= 8, archetype.type() + " has " + features + " features");
            assertTrue(technologies >= 6 && technologies <= 7, archetype.type() + " has " + technologies + " technologies");
            assertFalse(archetype.successMetrics().isEmpty(), archetype.type());
        }
        assertEquals(7, archetypes.byType("saas_tool").orElseThrow().typicalFeatures().size());
    }

    @Test
    void requiredAgentsAreAgentsOfOurRegistryWithTheCodeRolesMapped() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        Set<String> registry = Set.of(config.getProperty("genesis.agents").split(","));
        for (BusinessArchetype archetype : archetypes.all()) {
            assertTrue(registry.containsAll(archetype.requiredAgents()), archetype.type() + ": " + archetype.requiredAgents());
        }
        assertEquals(List.of("builder_agent", "qa_agent", "deploy_agent", "content_agent", "finance_agent"),
                archetypes.byType("saas_tool").orElseThrow().requiredAgents(), "billing is finance_agent");
        assertEquals(List.of("builder_agent", "qa_agent", "security_agent", "finance_agent", "support_agent", "deploy_agent"),
                archetypes.byType("marketplace").orElseThrow().requiredAgents(), "legal folds into security_agent, listed once");
        assertTrue(archetypes.byType("api_service").orElseThrow().requiredAgents().contains("monitoring_agent"),
                "maintenance is monitoring_agent");
    }

    @Test
    void validateKnowsOnlyTheTenTypes() {
        assertTrue(archetypes.validate("api_service"));
        assertFalse(archetypes.validate("crypto_casino"));
        assertFalse(archetypes.validate(null));
        assertTrue(archetypes.byType("SaaS_Tool").isEmpty(), "types are exact identifiers");
    }
}
