package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.TenantScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business's spend, or every business's over a time window, read from the {@code x402_payments} charges ({@code cost_cents} is true spend), in dollars, within a
 * {@link TenantScope}; and whose spend summaries were sent to the webhook ({@code spend_summary_deliveries}).
 */
@ApplicationScoped
public class SpendStore {

    /** Counts and totals of a business's charges; the breakdowns are largest first. */
    public record Totals(long approved, long denied, long pending, BigDecimal totalDollars, Map<String, BigDecimal> byVendor,
                         Map<String, BigDecimal> byAgent) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** The charges of the business within {@code scope}: another tenant's charges for the same business id count nothing. */
    public Totals totals(TenantScope scope, String businessId) {
        return totals(Where.scoped(scope).is("business_id", businessId));
    }

    /** Every charge within {@code scope} made since {@code since} (by when it was requested). */
    public Totals totalsSince(TenantScope scope, Instant since) {
        return totals(Where.scoped(scope).since("created_at", since));
    }

    private Totals totals(Where where) {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement counts = db.prepareStatement("""
                    SELECT count(*) FILTER (WHERE approved_at IS NOT NULL), count(*) FILTER (WHERE status = 'DENIED'),
                           count(*) FILTER (WHERE status = 'PENDING_APPROVAL'), COALESCE(SUM(cost_cents), 0) / 100
                    FROM x402_payments""" + where.sql() + " AND kind = 'CHARGE'")) {
                where.bind(counts);
                try (ResultSet row = counts.executeQuery()) {
                    row.next();
                    return new Totals(row.getLong(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4),
                            breakdown(db, where, "COALESCE(vendor_id, vendor_url)"), breakdown(db, where, "agent_id"));
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Records that the summary {@code deliveryId} of the business holds {@code scope}'s spend. */
    public void recordDelivery(String deliveryId, TenantScope scope, String businessId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO spend_summary_deliveries (delivery_id, tenant_id, business_id) VALUES (?, ?, ?)")) {
            insert.setString(1, deliveryId);
            insert.setString(2, scope.tenantId().orElse(null));
            insert.setString(3, businessId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Whether the summary {@code deliveryId} of the business was sent within {@code scope} (an operator's: any). */
    public boolean deliveryOf(TenantScope scope, String businessId, String deliveryId) {
        Where where = Where.scoped(scope).is("business_id", businessId).is("delivery_id", deliveryId);
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT 1 FROM spend_summary_deliveries" + where.sql())) {
            where.bind(select);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /**
     * Cents committed today (UTC budget day) per agent over every tenant, from {@code agent_daily_spend}: what the
     * daily agent budgets count, cluster-wide (for the spend gauge; no tenant scope, operators only read metrics).
     */
    public Map<String, Long> committedTodayByAgent() {
        Map<String, Long> byAgent = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT agent_id, SUM(committed_cents) FROM agent_daily_spend"
                     + " WHERE spend_day = (now() AT TIME ZONE 'UTC')::date GROUP BY agent_id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                byAgent.put(row.getString(1), row.getLong(2));
            }
            return byAgent;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private static Map<String, BigDecimal> breakdown(Connection db, Where where, String key) throws SQLException {
        Map<String, BigDecimal> into = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT " + key + ", SUM(cost_cents) / 100 FROM x402_payments"
                + where.sql() + " AND kind = 'CHARGE' GROUP BY 1 HAVING SUM(cost_cents) > 0 ORDER BY 2 DESC, 1")) {
            where.bind(select);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    into.put(row.getString(1), row.getBigDecimal(2));
                }
            }
        }
        return into;
    }
}
