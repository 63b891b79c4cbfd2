package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.Mandate;
import io.genesis.payments.Payment;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code payment_mandates}: open mandates issued (never again once revoked) and revoked, closed mandates written in
 * the approving transaction, and reads of one mandate or a filtered list (newest first).
 */
@ApplicationScoped
public class MandateStore {

    /** The AP2 credential types: an agent's open mandate for a business, and the closed mandate of one purchase. */
    public static final String OPEN = "mandate.payment.open.1";
    public static final String CLOSED = "mandate.payment.1";

    private static final String COLUMNS = """
            SELECT mandate_id, vct, business_id, agent_id, issuer, status, parent_mandate_id, payment_id, created_at,
                   not_before, not_after, revoked_at, revoked_by, revocation_reason, mandate_json::text FROM payment_mandates""";

    /** List filters; null or blank members do not filter. */
    public record Filter(String businessId, String agentId, String status) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    public Optional<Mandate> find(String mandateId) {
        List<Mandate> found = select(COLUMNS + " WHERE mandate_id = ?", List.of(mandateId));
        return found.stream().findFirst();
    }

    public List<Mandate> list(Filter filter, int limit) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("business_id", filter.businessId());
        where.put("agent_id", filter.agentId());
        where.put("status", filter.status());
        where.values().removeIf(value -> value == null || value.isBlank());
        StringBuilder sql = new StringBuilder(COLUMNS);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where.keySet().stream().map(column -> column + " = ?").toList()));
        }
        sql.append(" ORDER BY created_at DESC, mandate_id DESC LIMIT ").append(limit);
        return select(sql.toString(), List.copyOf(where.values()));
    }

    /** The active open mandate of the agent for the business, else the latest revoked one. */
    public Optional<Mandate> currentOpen(String businessId, String agentId) {
        return select(COLUMNS + """
                 WHERE business_id = ? AND agent_id = ? AND vct = ? AND status IN ('ACTIVE', 'REVOKED')
                ORDER BY status = 'ACTIVE' DESC, created_at DESC LIMIT 1""", List.of(businessId, agentId, OPEN)).stream().findFirst();
    }

    /**
     * Writes an ACTIVE open mandate unless the agent already has one for the business, or had one revoked (then no
     * new one is ever issued).
     */
    public void issueOpen(String mandateId, String businessId, String agentId, String issuer, Instant notBefore, Instant notAfter,
                          String mandateJson) {
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO payment_mandates (mandate_id, vct, business_id, agent_id, issuer, status, not_before, not_after, mandate_json)
                SELECT ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?::jsonb WHERE NOT EXISTS (SELECT 1 FROM payment_mandates
                    WHERE business_id = ? AND agent_id = ? AND vct = ? AND status = 'REVOKED')
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, mandateId);
            insert.setString(2, OPEN);
            insert.setString(3, businessId);
            insert.setString(4, agentId);
            insert.setString(5, issuer);
            insert.setTimestamp(6, Timestamp.from(notBefore));
            insert.setTimestamp(7, Timestamp.from(notAfter));
            insert.setString(8, mandateJson);
            insert.setString(9, businessId);
            insert.setString(10, agentId);
            insert.setString(11, OPEN);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** A closed mandate bound to the payment of {@code tx}, written in that transaction. */
    public void close(LedgerTx tx, String mandateId, String openMandateId, String businessId, String agentId, Instant notBefore,
                      Instant notAfter, String mandateJson) {
        LedgerTx.sql(() -> {
            try (PreparedStatement insert = tx.connection().prepareStatement("""
                    INSERT INTO payment_mandates (mandate_id, vct, business_id, agent_id, parent_mandate_id, payment_id, issuer, status,
                        not_before, not_after, mandate_json) VALUES (?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, ?::jsonb)""")) {
                insert.setString(1, mandateId);
                insert.setString(2, CLOSED);
                insert.setString(3, businessId);
                insert.setString(4, agentId);
                insert.setString(5, openMandateId);
                insert.setString(6, tx.paymentId());
                insert.setString(7, agentId);
                insert.setTimestamp(8, Timestamp.from(notBefore));
                insert.setTimestamp(9, Timestamp.from(notAfter));
                insert.setString(10, mandateJson);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The status of an open mandate, read in {@code tx} under a share lock: a revocation (an UPDATE of the row) waits
     * for this transaction, and this one sees a revocation committed before it.
     */
    public String lockedStatus(LedgerTx tx, String mandateId) {
        return LedgerTx.sql(() -> {
            try (PreparedStatement select = tx.connection().prepareStatement(
                    "SELECT status FROM payment_mandates WHERE mandate_id = ? FOR SHARE")) {
                select.setString(1, mandateId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** Marks an ACTIVE open mandate REVOKED; false when it was not active (revoked before). */
    public boolean markRevoked(String mandateId, String revokedBy, String reason) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement("""
                UPDATE payment_mandates SET status = 'REVOKED', revoked_at = now(), revoked_by = ?, revocation_reason = ?
                WHERE mandate_id = ? AND vct = ? AND status = 'ACTIVE'""")) {
            update.setString(1, revokedBy);
            update.setString(2, reason);
            update.setString(3, mandateId);
            update.setString(4, OPEN);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** The charges under the mandate still awaiting a human or authorized uncaptured, oldest first. */
    public List<String> heldCharges(String mandateId) {
        return Ids.select(dataSource, """
                SELECT id FROM x402_payments WHERE mandate_id = ? AND kind = 'CHARGE'
                  AND status IN ('PENDING_APPROVAL', 'AUTHORIZED') ORDER BY created_at""", mandateId);
    }

    private List<Mandate> select(String sql, List<String> parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Mandate> mandates = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    mandates.add(new Mandate(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), PaymentStore.instant(row.getTimestamp(9)),
                            PaymentStore.instant(row.getTimestamp(10)), PaymentStore.instant(row.getTimestamp(11)), PaymentStore.instant(row.getTimestamp(12)),
                            row.getString(13), row.getString(14), Payment.json(row.getString(15))));
                }
            }
            return mandates;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

}
