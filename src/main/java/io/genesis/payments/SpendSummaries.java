package io.genesis.payments;

import io.genesis.payments.store.SpendStore;
import io.genesis.runtime.webhook.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spend summary of a business, computed from its {@code x402_payments} rows (charges only; {@code cost_cents} is
 * true spend) and the purchases its planning skipped within a {@link TenantScope}, and its delivery to the spend-summary webhook. The business orchestration
 * calls {@link #publish} once a business finished; {@code POST /api/businesses/{id}/spend/notifications} does the same
 * by hand. A delivery's status is shown only within the scope its summary was made in.
 */
@ApplicationScoped
public class SpendSummaries {

    @Inject
    SpendStore store;

    @Inject
    ProjectedRevenueSource revenue;

    @Inject
    PurchasePlans plans;

    @Inject
    SpendSummaryWebhook webhook;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.dashboard-url")
    Optional<String> dashboardUrl;

    /** What the business spent within {@code scope}: another tenant's charges under the same business id count nothing. */
    public SpendSummary summarize(TenantScope scope, String businessId) {
        SpendStore.Totals totals = store.totals(scope, businessId);
        BigDecimal total = dollars(totals.totalDollars());
        Map<String, BigDecimal> vendors = dollars(totals.byVendor());
        Map<String, BigDecimal> agents = dollars(totals.byAgent());
        Optional<BigDecimal> projected = revenue.projectedMonthlyRevenue(scope, businessId);
        BigDecimal ratio = projected.filter(p -> p.signum() > 0).map(p -> total.divide(p, 4, RoundingMode.HALF_UP)).orElse(null);
        BigDecimal roi = projected.filter(p -> total.signum() > 0).map(p -> p.divide(total, 4, RoundingMode.HALF_UP)).orElse(null);
        return new SpendSummary(businessId, total, totals.approved(), totals.denied(), totals.pending(), vendors, agents,
                projected.orElse(null), ratio, roi,
                dashboardUrl.filter(url -> !url.isBlank()).map(url -> url.replace("{business_id}", businessId)).orElse(null),
                Instant.now(), plans.skipped(scope, businessId));
    }

    /**
     * Summarises the tenant's business and enqueues it for the configured webhook (durable, in Redis); the delivery id,
     * or empty when no webhook URL is configured.
     */
    public Optional<String> publish(String tenantId, String businessId) {
        return publish(TenantScope.of(tenantId), businessId, Optional.empty());
    }

    /** The summary within {@code scope} to {@code target} instead of the configured URL, when given. */
    public Optional<String> publish(TenantScope scope, String businessId, Optional<java.net.URI> target) {
        return webhook.send(summarize(scope, businessId), target, deliveryId -> store.recordDelivery(deliveryId, scope, businessId));
    }

    /**
     * How a summary's webhook delivery went ({@code queued}, {@code retrying}, {@code delivered}, {@code failed}); empty
     * for a delivery of another tenant's summary, as for an unknown one.
     */
    public Optional<DeliveryStatus> delivery(TenantScope scope, String businessId, String deliveryId) {
        return store.deliveryOf(scope, businessId, deliveryId) ? webhook.status(businessId, deliveryId) : Optional.empty();
    }

    /** Every charge of {@code scope} requested since {@code since}: counts, total and the breakdowns by vendor and agent. */
    public SpendOverview overview(TenantScope scope, Instant since) {
        SpendStore.Totals totals = store.totalsSince(scope, since);
        return new SpendOverview(since, Instant.now(), scope.tenantId().orElse(null), dollars(totals.totalDollars()),
                totals.approved(), totals.denied(), totals.pending(), dollars(totals.byVendor()), dollars(totals.byAgent()));
    }

    private static Map<String, BigDecimal> dollars(Map<String, BigDecimal> breakdown) {
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        breakdown.forEach((key, spent) -> rounded.put(key, dollars(spent)));
        return rounded;
    }

    private static BigDecimal dollars(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
