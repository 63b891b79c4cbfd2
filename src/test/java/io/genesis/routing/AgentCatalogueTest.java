package io.genesis.routing;

import io.genesis.catalog.AgentProfile;
import io.genesis.catalog.CostTier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentCatalogueTest {

    private final AgentCatalogue catalogue = new AgentCatalogue();

    @Test
    void catalogueHasExactlyTheAgentsOfOurRuntime() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        Set<String> runtimeAgents = Arrays.stream(config.getProperty("genesis.agents").split(","))
                .map(String::trim).collect(Collectors.toSet());

        assertEquals(runtimeAgents, catalogue.all().stream().map(AgentProfile::name).collect(Collectors.toSet()));
        assertEquals(23, catalogue.all().size());
    }

    @Test
    void genesisCodeNamesResolveToOurAgents() {
        assertEquals("analytics_agent", catalogue.profile("analyst_agent").orElseThrow().name());
        assertEquals(0.85, catalogue.profile("analyst_agent").orElseThrow().successRate());
        assertEquals("genesis_meta_agent", catalogue.profile("genesis_agent").orElseThrow().name());
    }

    @Test
    void darwinAgentIsExpensiveUntriedAndLimitedToThreeTasks() {
        AgentProfile darwin = catalogue.profile("darwin_agent").orElseThrow();

        assertEquals(CostTier.EXPENSIVE, darwin.costTier());
        assertEquals(0.0, darwin.successRate());
        assertEquals(3, darwin.maxConcurrent());
    }

    @Test
    void roleAliasCountsAsSupport() {
        assertTrue(catalogue.supports("finance_agent", "billing"));
        assertFalse(catalogue.supports("builder_agent", "billing"));
        assertEquals(List.of("marketing_agent", "content_agent"),
                catalogue.supporting("content").stream().map(AgentProfile::name).toList());
    }
}
