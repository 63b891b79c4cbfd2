package io.genesis.businesses;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessPurchasesTest {

    private static final Map<String, String> CATEGORIES = Map.of("domains", "domains", "llm-premium", "llm_api",
            "stock-media", "stock_media");
    private static final Function<String, Optional<String>> CATALOGUE = vendor -> Optional.ofNullable(CATEGORIES.get(vendor));
    private static final List<String> OPTIONAL = List.of("llm_api", "domains");

    @Test
    void unmarkedPurchasesAreOptionalForTheDomainAndPremiumModelsAndRequiredOtherwise() {
        assertEquals(new BusinessPurchases.Purchase("domains", true, false), BusinessPurchases.parse("domains:staged", CATALOGUE, OPTIONAL));
        assertEquals(new BusinessPurchases.Purchase("llm-premium", false, false), BusinessPurchases.parse("llm-premium", CATALOGUE, OPTIONAL));
        assertEquals(new BusinessPurchases.Purchase("stock-media", false, true), BusinessPurchases.parse("stock-media", CATALOGUE, OPTIONAL));
    }

    @Test
    void aMarkWinsOverTheCategoryInAnyOrder() {
        assertEquals(new BusinessPurchases.Purchase("domains", true, true),
                BusinessPurchases.parse("domains:required:staged", CATALOGUE, OPTIONAL));
        assertEquals(new BusinessPurchases.Purchase("stock-media", false, false),
                BusinessPurchases.parse("stock-media:OPTIONAL", CATALOGUE, OPTIONAL));
    }

    @Test
    void anUnknownVendorOrMarkIsRefusedAtStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> BusinessPurchases.parse("gift-cards", CATALOGUE, OPTIONAL))
                .getMessage().contains("gift-cards"));
        assertTrue(assertThrows(IllegalStateException.class, () -> BusinessPurchases.parse("domains:maybe", CATALOGUE, OPTIONAL))
                .getMessage().contains("maybe"));
    }
}
