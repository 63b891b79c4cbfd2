package io.genesis.payments;

import io.genesis.runtime.webhook.DeliveryStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spend summary of a business, computed from its {@code x402_payments} rows (charges only; {@code cost_cents} is
 * true spend), and its delivery to the spend-summary webhook. The business orchestration calls {@link #publish} once
 * a business finished; {@code POST /api/businesses/{id}/spend/notifications} does the same by hand.
 */
@ApplicationScoped
public class SpendSummaries {

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    ProjectedRevenueSource revenue;

    @Inject
    SpendSummaryWebhook webhook;

    @Inject
    @ConfigProperty(name = "genesis.payments.spend-summary.dashboard-url")
    Optional<String> dashboardUrl;

    public SpendSummary summarize(String businessId) {
        long approved;
        long denied;
        long pending;
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        Map<String, BigDecimal> agents = new LinkedHashMap<>();
        BigDecimal total;
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement counts = db.prepareStatement("""
                    SELECT count(*) FILTER (WHERE approved_at IS NOT NULL), count(*) FILTER (WHERE status = 'DENIED'),
                           count(*) FILTER (WHERE status = 'PENDING_APPROVAL'), COALESCE(SUM(cost_cents), 0) / 100
                    FROM x402_payments WHERE business_id = ? AND kind = 'CHARGE'""")) {
                counts.setString(1, businessId);
                try (ResultSet row = counts.executeQuery()) {
                    row.next();
                    approved = row.getLong(1);
                    denied = row.getLong(2);
                    pending = row.getLong(3);
                    total = dollars(row.getBigDecimal(4));
                }
            }
            breakdown(db, businessId, "COALESCE(vendor_id, vendor_url)", vendors);
            breakdown(db, businessId, "agent_id", agents);
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
        Optional<BigDecimal> projected = revenue.projectedMonthlyRevenue(businessId);
        BigDecimal ratio = projected.filter(p -> p.signum() > 0).map(p -> total.divide(p, 4, RoundingMode.HALF_UP)).orElse(null);
        BigDecimal roi = projected.filter(p -> total.signum() > 0).map(p -> p.divide(total, 4, RoundingMode.HALF_UP)).orElse(null);
        return new SpendSummary(businessId, total, approved, denied, pending, vendors, agents, projected.orElse(null), ratio, roi,
                dashboardUrl.filter(url -> !url.isBlank()).map(url -> url.replace("{business_id}", businessId)).orElse(null),
                Instant.now());
    }

    /**
     * Summarises the business and enqueues it for the configured webhook (durable, in Redis); the delivery id, or empty
     * when no webhook URL is configured.
     */
    public Optional<String> publish(String businessId) {
        return publish(businessId, Optional.empty());
    }

    /** The same to {@code target} instead of the configured URL, when given. */
    public Optional<String> publish(String businessId, Optional<java.net.URI> target) {
        return webhook.send(summarize(businessId), target);
    }

    /** How a summary's webhook delivery went ({@code queued}, {@code retrying}, {@code delivered}, {@code failed}). */
    public Optional<DeliveryStatus> delivery(String businessId, String deliveryId) {
        return webhook.status(businessId, deliveryId);
    }

    private static void breakdown(Connection db, String businessId, String key, Map<String, BigDecimal> into) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT " + key + ", SUM(cost_cents) / 100 FROM x402_payments"
                + " WHERE business_id = ? AND kind = 'CHARGE' GROUP BY 1 HAVING SUM(cost_cents) > 0 ORDER BY 2 DESC, 1")) {
            select.setString(1, businessId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    into.put(row.getString(1), dollars(row.getBigDecimal(2)));
                }
            }
        }
    }

    private static BigDecimal dollars(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
