package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.Payment;
import io.genesis.payments.TenantScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code x402_payments} rows (one, or a filtered list newest first) within a {@link TenantScope}, and a payment's
 * decisions and events.
 */
@ApplicationScoped
public class PaymentStore {

    /** List filters; null or blank members do not filter. */
    public record Filter(String businessId, String agentId, String taskId, String status, String vendorId, String kind) {
    }

    /** A payment's decisions and events, oldest first. */
    public record History(List<Payment.Decision> decisions, List<Payment.Event> events) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** The payment {@code paymentId} if it is in {@code scope}; another tenant's payment is as absent as a missing one. */
    public Optional<PaymentRow> row(TenantScope scope, String paymentId) {
        return select(Where.scoped(scope).is("id", paymentId), "").stream().findFirst();
    }

    /** The payments of {@code scope} that match {@code filter}, newest first. */
    public List<PaymentRow> rows(TenantScope scope, Filter filter, int limit) {
        Where where = Where.scoped(scope).filter("business_id", filter.businessId()).filter("agent_id", filter.agentId())
                .filter("task_id", filter.taskId()).filter("status", filter.status()).filter("vendor_id", filter.vendorId())
                .filter("kind", filter.kind());
        return select(where, " ORDER BY created_at DESC, id DESC LIMIT " + limit);
    }

    public History history(String paymentId) {
        try (Connection db = dataSource.getConnection()) {
            return new History(decisions(db, paymentId), events(db, paymentId));
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private List<PaymentRow> select(Where where, String order) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT " + PaymentRow.COLUMNS + " FROM x402_payments" + where.sql() + order)) {
            where.bind(select);
            List<PaymentRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private static PaymentRow row(ResultSet r) throws SQLException {
        int i = 1;
        return new PaymentRow(r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getInt(i++),
                r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                r.getBigDecimal(i++).toBigInteger(), r.getBigDecimal(i++), r.getBigDecimal(i++), r.getBigDecimal(i++),
                r.getBigDecimal(i++), r.getString(i++), r.getObject(i++, Long.class), r.getString(i++), r.getString(i++),
                r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getBoolean(i++),
                r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                instant(r.getTimestamp(i++)), instant(r.getTimestamp(i++)), instant(r.getTimestamp(i++)),
                instant(r.getTimestamp(i++)), instant(r.getTimestamp(i++)), instant(r.getTimestamp(i++)),
                instant(r.getTimestamp(i)));
    }

    private static List<Payment.Decision> decisions(Connection db, String paymentId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT decision_id, outcome, approval_mode, decided_by, policy_version, checks::text, reasons::text, rationale,
                       decided_at FROM payment_decisions WHERE payment_id = ? ORDER BY decided_at, decision_id""")) {
            select.setString(1, paymentId);
            List<Payment.Decision> decisions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    decisions.add(new Payment.Decision(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), Payment.json(row.getString(6)), Payment.json(row.getString(7)), row.getString(8),
                            row.getTimestamp(9).toInstant()));
                }
            }
            return decisions;
        }
    }

    private static List<Payment.Event> events(Connection db, String paymentId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT from_status, to_status, actor, reason, at FROM payment_events WHERE payment_id = ? ORDER BY event_id")) {
            select.setString(1, paymentId);
            List<Payment.Event> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new Payment.Event(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getTimestamp(5).toInstant()));
                }
            }
            return events;
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
