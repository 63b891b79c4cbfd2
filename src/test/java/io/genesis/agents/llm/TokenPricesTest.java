package io.genesis.agents.llm;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenPricesTest {

    private final TokenPrices prices = new TokenPrices(key -> Optional.ofNullable(Map.of(
            "genesis.llm.prices.gpt-4o-mini.input-per-million-cents", new BigDecimal("15"),
            "genesis.llm.prices.gpt-4o-mini.output-per-million-cents", new BigDecimal("60"),
            "genesis.llm.prices.gpt-4o.input-per-million-cents", new BigDecimal("250"),
            "genesis.llm.prices.gpt-4o.output-per-million-cents", new BigDecimal("1000")).get(key)));

    @Test
    void costIsTokensTimesThePricePerMillion() {
        // 1,500 prompt tokens * 15 c/M = 0.0225 c; 700 completion tokens * 60 c/M = 0.042 c; sum 0.0645 c
        assertEquals(new BigDecimal("0.0645"), prices.costCents("gpt-4o-mini", 1_500, 700));
        // 1,500 * 250 / 1e6 = 0.375 c; 700 * 1000 / 1e6 = 0.7 c; sum 1.075 c
        assertEquals(new BigDecimal("1.0750"), prices.costCents("gpt-4o", 1_500, 700));
        // one million of each: 15 + 60 = 75 c
        assertEquals(new BigDecimal("75.0000"), prices.costCents("gpt-4o-mini", 1_000_000, 1_000_000));
    }

    @Test
    void costIsRoundedHalfUpToTheColumnsFourDecimals() {
        // 3 * 15 / 1e6 = 0.000045 c -> 0.0000; 4 * 15 / 1e6 = 0.00006 -> 0.0001
        assertEquals(new BigDecimal("0.0000"), prices.costCents("gpt-4o-mini", 3, 0));
        assertEquals(new BigDecimal("0.0001"), prices.costCents("gpt-4o-mini", 4, 0));
    }

    @Test
    void aModelWithoutAPriceIsFreeAndSaysSo() {
        assertEquals(new BigDecimal("0.0000"), prices.costCents("llama3.1:8b", 10_000, 10_000));
        assertFalse(prices.priced("llama3.1:8b"));
        assertTrue(prices.priced("gpt-4o"));
    }

    @Test
    void negativePricesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenPrices.Price(BigDecimal.ONE.negate(), BigDecimal.ONE));
    }
}
