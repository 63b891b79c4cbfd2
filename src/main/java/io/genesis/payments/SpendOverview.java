package io.genesis.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Spend over a time window, across businesses: the charges requested from {@code from} to {@code to} in one tenant (or
 * every tenant, {@code tenantId} absent), how many were approved, denied or are pending, and what they cost in dollars,
 * in total and by vendor and by agent (largest first).
 */
public record SpendOverview(Instant from, Instant to, String tenantId, BigDecimal totalSpent, long approvedIntents,
                            long deniedIntents, long pendingIntents, Map<String, BigDecimal> vendorBreakdown,
                            Map<String, BigDecimal> agentBreakdown) {
}
