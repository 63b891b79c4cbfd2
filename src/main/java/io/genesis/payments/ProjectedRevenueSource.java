package io.genesis.payments;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where the spend summary reads a business's projected monthly revenue (US dollars) from. The business orchestration
 * owns revenue projection and provides the source ({@code io.genesis.businesses.BusinessPurchases}); for a business
 * without a projection (yet) the summary reports projected revenue, spend-to-revenue ratio and ROI as null. A business
 * outside the {@link TenantScope} has no projection either (nothing about another tenant's business is read).
 */
public interface ProjectedRevenueSource {

    Optional<BigDecimal> projectedMonthlyRevenue(TenantScope scope, String businessId);
}
