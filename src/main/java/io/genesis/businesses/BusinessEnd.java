package io.genesis.businesses;

import io.genesis.payments.PurchasePlans;
import io.genesis.payments.SpendSummaries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.logging.Logger;

/**
 * After a business's terminal transition committed: purchase earmarks no payment took go back to the budgets, then the
 * monitoring event, the spend summary and, for a business that went live, its {@link LiveMonitoring} task (best effort,
 * all four).
 */
@ApplicationScoped
public class BusinessEnd {

    private static final Logger LOG = Logger.getLogger(BusinessEnd.class.getName());

    @Inject
    MonitoringEvents monitoring;

    @Inject
    SpendSummaries spend;

    @Inject
    PurchasePlans plans;

    @Inject
    LiveMonitoring liveMonitoring;

    /** Announces the end once: when {@code business} is terminal now and was not before the change that led here. */
    public void settled(BusinessRecord business, BusinessStatus before) {
        if (business.status().terminal() && !before.terminal()) {
            announce(business);
        }
    }

    public void announce(BusinessRecord business) {
        try {
            plans.release(business.tenantId(), business.businessId());
        } catch (RuntimeException e) {
            LOG.warning("Purchase earmarks of " + business.businessId() + " not released: " + e.getMessage());
        }
        monitoring.emit(MonitoringEvents.Kind.BUSINESS_COMPLETED, business, Map.of("status", business.status().name()));
        try {
            spend.publish(business.tenantId(), business.businessId());
        } catch (RuntimeException e) {
            LOG.warning("Spend summary of " + business.businessId() + " not posted: " + e.getMessage());
        }
        try {
            liveMonitoring.start(business);
        } catch (RuntimeException e) {
            LOG.warning("Live monitoring of " + business.businessId() + " not started: " + e.getMessage());
        }
    }
}
