package io.genesis.economics;

import java.util.List;

/**
 * A revenue projection, field for field the Genesis code's {@code revenue_projection} dict.
 *
 * @param projectedMonthlyRevenue USD per month (0 when unavailable)
 * @param confidence              0.1 when unavailable, else 0.55..0.95 rounded to 2 decimals
 * @param paybackPeriodDays       days to recover the notional investment; null when unavailable
 * @param status                  {@value RevenueProjection#STATUS_PROJECTED} or {@value RevenueProjection#STATUS_UNAVAILABLE}
 * @param assumptions             the inputs, as sentences
 * @param completionRate          completed / total tasks
 */
public record RevenueEstimate(int projectedMonthlyRevenue, double confidence, Integer paybackPeriodDays, String status,
                              List<String> assumptions, double completionRate) {

    public RevenueEstimate {
        assumptions = List.copyOf(assumptions);
    }
}
