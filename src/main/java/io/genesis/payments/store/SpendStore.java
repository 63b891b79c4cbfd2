package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A business's spend read from its {@code x402_payments} charges ({@code cost_cents} is true spend), in dollars. */
@ApplicationScoped
public class SpendStore {

    /** Counts and totals of a business's charges; the breakdowns are largest first. */
    public record Totals(long approved, long denied, long pending, BigDecimal totalDollars, Map<String, BigDecimal> byVendor,
                         Map<String, BigDecimal> byAgent) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    public Totals totals(String businessId) {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement counts = db.prepareStatement("""
                    SELECT count(*) FILTER (WHERE approved_at IS NOT NULL), count(*) FILTER (WHERE status = 'DENIED'),
                           count(*) FILTER (WHERE status = 'PENDING_APPROVAL'), COALESCE(SUM(cost_cents), 0) / 100
                    FROM x402_payments WHERE business_id = ? AND kind = 'CHARGE'""")) {
                counts.setString(1, businessId);
                try (ResultSet row = counts.executeQuery()) {
                    row.next();
                    return new Totals(row.getLong(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4),
                            breakdown(db, businessId, "COALESCE(vendor_id, vendor_url)"), breakdown(db, businessId, "agent_id"));
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private static Map<String, BigDecimal> breakdown(Connection db, String businessId, String key) throws SQLException {
        Map<String, BigDecimal> into = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT " + key + ", SUM(cost_cents) / 100 FROM x402_payments"
                + " WHERE business_id = ? AND kind = 'CHARGE' GROUP BY 1 HAVING SUM(cost_cents) > 0 ORDER BY 2 DESC, 1")) {
            select.setString(1, businessId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    into.put(row.getString(1), row.getBigDecimal(2));
                }
            }
        }
        return into;
    }
}
