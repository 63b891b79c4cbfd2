package io.genesis.agents.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.genesis.agents.llm.ModelRoster.TierClass.CHEAP;
import static io.genesis.agents.llm.ModelRoster.TierClass.PREMIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRosterTest {

    private static ModelRoster roster(Map<String, String> config, Set<String> agents, Set<String> tenants) {
        return new ModelRoster(key -> Optional.ofNullable(config.get(key)), agents, tenants, "default-model", 0.7, 2000,
                Duration.ofSeconds(60));
    }

    @Test
    void everyAgentAndTenantUsesTheModelUnlessListsNarrowIt() {
        ModelRoster all = roster(Map.of(), Set.of(), Set.of());
        assertTrue(all.uses("acme", "qa_agent"));
        assertTrue(all.uses(null, "qa_agent"));
        ModelRoster narrow = roster(Map.of(), Set.of("qa_agent"), Set.of("llm-it"));
        assertTrue(narrow.uses("llm-it", "qa_agent"));
        assertFalse(narrow.uses("acme", "qa_agent"), "another tenant stays simulated");
        assertFalse(narrow.uses("llm-it", "seo_agent"), "another agent stays simulated");
        assertFalse(narrow.uses(null, "qa_agent"));
        assertTrue(narrow.selects("qa_agent"));
    }

    @Test
    void theModelComesFromTheAgentThenTheExactTierThenTheTierClassThenTheDefault() {
        ModelRoster roster = roster(Map.of(
                "genesis.llm.agents.qa_agent.model", "qa-special",
                "genesis.llm.models.claude-4-sonnet", "exact-premium",
                "genesis.llm.models.premium", "big",
                "genesis.llm.models.cheap", "small"), Set.of(), Set.of());
        assertEquals("qa-special", roster.choose("qa_agent", "claude-4-sonnet", PREMIUM).model());
        assertEquals("exact-premium", roster.choose("seo_agent", "claude-4-sonnet", PREMIUM).model());
        assertEquals("big", roster.choose("seo_agent", "gpt-4o", PREMIUM).model());
        assertEquals("small", roster.choose("seo_agent", "gemini-2.5-flash", CHEAP).model());
        assertEquals("small", roster.choose("seo_agent", null, null).model(), "no tier is cheap");
        assertEquals("default-model", roster(Map.of(), Set.of(), Set.of()).choose("seo_agent", "gpt-4o", PREMIUM).model());
        assertEquals(PREMIUM, roster.choose("seo_agent", "gpt-4o", PREMIUM).tierClass());
        assertEquals("gpt-4o", roster.choose("seo_agent", "gpt-4o", PREMIUM).tier());
    }

    @Test
    void aTaskThatBoughtThePremiumModelRunsOnThePremiumClassWhateverItsTier() {
        ModelRoster roster = roster(Map.of(
                "genesis.llm.models.gemini-2.5-flash", "exact-cheap",
                "genesis.llm.models.premium", "big",
                "genesis.llm.models.cheap", "small"), Set.of(), Set.of());
        ModelRoster.Choice bought = roster.choose("builder_agent", "gemini-2.5-flash", CHEAP, true);
        assertEquals("big", bought.model());
        assertEquals(PREMIUM, bought.tierClass());
        assertTrue(bought.premiumBought());
        assertEquals("exact-cheap", roster.choose("builder_agent", "gemini-2.5-flash", CHEAP, false).model());
    }

    @Test
    void perAgentSettingsOverrideTheDefaults() {
        ModelRoster roster = roster(Map.of(
                "genesis.llm.agents.builder_agent.temperature", "0.1",
                "genesis.llm.agents.builder_agent.max-tokens", "6000",
                "genesis.llm.agents.builder_agent.timeout-ms", "120000"), Set.of(), Set.of());
        ModelRoster.Choice builder = roster.choose("builder_agent", null, CHEAP);
        assertEquals(0.1, builder.temperature());
        assertEquals(6000, builder.maxTokens());
        assertEquals(Duration.ofMinutes(2), builder.timeout());
        ModelRoster.Choice seo = roster.choose("seo_agent", null, CHEAP);
        assertEquals(0.7, seo.temperature());
        assertEquals(2000, seo.maxTokens());
        assertEquals(Duration.ofSeconds(60), seo.timeout());
    }

    @Test
    void invalidOverridesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> roster(Map.of("genesis.llm.agents.qa_agent.temperature", "3"),
                Set.of(), Set.of()).choose("qa_agent", null, CHEAP));
        assertThrows(IllegalArgumentException.class, () -> roster(Map.of("genesis.llm.agents.qa_agent.max-tokens", "0"),
                Set.of(), Set.of()).choose("qa_agent", null, CHEAP));
    }
}
