package io.genesis.payments;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The revenue source while no business orchestration projects revenue: knows no projection for any business. A bean
 * of the business component replaces it by being an {@code @Alternative @Priority} {@link ProjectedRevenueSource}.
 */
@ApplicationScoped
public class NoRevenueProjections implements ProjectedRevenueSource {

    @Override
    public Optional<BigDecimal> projectedMonthlyRevenue(String businessId) {
        return Optional.empty();
    }
}
