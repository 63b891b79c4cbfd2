package io.genesis.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a business spent, with Genesis's field names ({@code _summarize_business_spend}): dollars spent (captured minus
 * refunded), approved and denied purchase intents, spend per vendor and per agent, and against the projected monthly
 * revenue when one is known: {@code spend_to_revenue_ratio = total / projected}, {@code roi = projected / total}; and the
 * purchases the Meta-Agent's planning skipped because no budget covered them (task, agent, vendor, amount, reason).
 */
public record SpendSummary(String businessId, BigDecimal totalSpent, long approvedIntents, long deniedIntents,
                           long pendingIntents, Map<String, BigDecimal> vendorBreakdown, Map<String, BigDecimal> agentBreakdown,
                           BigDecimal projectedRevenue, BigDecimal spendToRevenueRatio, BigDecimal roi, String dashboardUrl,
                           Instant timestamp, List<PurchasePlans.Skipped> skippedPurchases) {
}
