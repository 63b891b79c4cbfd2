package io.genesis.payments;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpendSummaryWebhookTest {

    private static String field(JsonObject message, String name) {
        return message.getJsonArray("embeds").getJsonObject(0).getJsonArray("fields").stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getString("name").equals(name)).findFirst().orElseThrow().getString("value");
    }

    @Test
    void theDiscordMessageCarriesGenesissFields() {
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        vendors.put("gpu-runs", new BigDecimal("12.50"));
        vendors.put("llm-premium", new BigDecimal("0.25"));
        SpendSummary summary = new SpendSummary("biz_1", new BigDecimal("12.75"), 2, 1, 0, vendors,
                Map.of("deploy_agent", new BigDecimal("12.75")), new BigDecimal("2242"), new BigDecimal("0.0057"),
                new BigDecimal("175.8431"), "https://dash.example/biz_1", Instant.parse("2026-05-02T10:15:00Z"),
                List.of(new PurchasePlans.Skipped("t4", "deploy_agent", "domains", 1199, "no budget left")));
        JsonObject message = SpendSummaryWebhook.discordMessage(summary);
        assertEquals("💰 Spend summary for business biz_1: $12.75", message.getString("content"));
        assertEquals("$12.75", field(message, "💰 Total Spent"));
        assertEquals("$2242", field(message, "📈 Projected Revenue"));
        assertEquals("175.8431x", field(message, "💹 ROI"));
        assertEquals("gpu-runs: $12.50\nllm-premium: $0.25", field(message, "Vendors"));
        assertEquals("https://dash.example/biz_1", field(message, "🔗 Dashboard"));
        assertEquals("domains (deploy_agent, $11.99): no budget left", field(message, "⏭ Skipped purchases"));
    }

    @Test
    void unknownRevenueIsShownAsNotAvailable() {
        SpendSummary summary = new SpendSummary("biz_2", BigDecimal.ZERO.setScale(2), 0, 0, 0, Map.of(), Map.of(), null, null, null,
                null, Instant.EPOCH, List.of());
        JsonObject message = SpendSummaryWebhook.discordMessage(summary);
        assertEquals("n/a", field(message, "💹 ROI"));
        assertEquals("none", field(message, "Agents"));
    }
}
