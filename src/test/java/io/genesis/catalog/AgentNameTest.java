package io.genesis.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentNameTest {

    @Test
    void theRuntimeRegistersExactlyTheCataloguedAgentsInTheirOrder() throws IOException {
        Properties config = new Properties();
        try (InputStream in = AgentNameTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        List<String> registered = Arrays.asList(config.getProperty("genesis.agents").split(","));
        assertEquals(Arrays.stream(AgentName.values()).map(AgentName::id).toList(), registered);
    }

    @Test
    void twentyTwoAgentsPlayARoleAndTheMetaAgentNone() {
        List<AgentName> roles = Arrays.stream(AgentName.values()).filter(agent -> agent != AgentName.GENESIS_META_AGENT).toList();
        assertEquals(22, roles.size());
        roles.forEach(agent -> assertTrue(!agent.artefacts().isEmpty() && agent.usualTaskType().isPresent(), agent.id()));
        assertTrue(AgentName.GENESIS_META_AGENT.artefacts().isEmpty());
        assertTrue(AgentName.GENESIS_META_AGENT.usualTaskType().isEmpty());
        assertEquals(AgentName.GENESIS_META_AGENT, AgentName.of("genesis_meta_agent").orElseThrow());
        assertTrue(AgentName.of("analyst_agent").isEmpty());
    }

    @Test
    void everyProfileGenotypeAndArchetypeNamesACataloguedAgent() {
        AgentProfiles.REFERENCE_PROFILES.forEach(profile -> assertTrue(AgentName.of(profile.name()).isPresent(), profile.name()));
        Genotypes.ALL.forEach(genotype -> assertTrue(AgentName.of(genotype.agent()).isPresent(), genotype.agent()));
        new BusinessArchetypes().all().forEach(archetype -> archetype.requiredAgents()
                .forEach(agent -> assertTrue(AgentName.of(agent).isPresent(), archetype.type() + ": " + agent)));
    }
}
