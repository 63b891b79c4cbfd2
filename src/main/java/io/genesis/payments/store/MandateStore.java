package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.Mandate;
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
 * {@code payment_mandates}: open mandates issued per tenant (never again once revoked) and revoked, closed mandates
 * written in the approving transaction, and reads of one mandate or a filtered list (newest first) within a
 * {@link TenantScope}.
 */
@ApplicationScoped
public class MandateStore {

    /** The AP2 credential types: an agent's open mandate for a business, and the closed mandate of one purchase. */
    public static final String OPEN = "mandate.payment.open.1";
    public static final String CLOSED = "mandate.payment.1";

    private static final String COLUMNS = """
            SELECT mandate_id, vct, tenant_id, business_id, agent_id, issuer, status, parent_mandate_id, payment_id, created_at,
                   not_before, not_after, revoked_at, revoked_by, revocation_reason, mandate_json::text FROM payment_mandates""";

    /** List filters; null or blank members do not filter. */
    public record Filter(String businessId, String agentId, String status) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** The mandate {@code mandateId} if it is in {@code scope}; another tenant's mandate is as absent as a missing one. */
    public Optional<Mandate> find(TenantScope scope, String mandateId) {
        return select(Where.scoped(scope).is("mandate_id", mandateId), "").stream().findFirst();
    }

    /** The mandates of {@code scope} that match {@code filter}, newest first. */
    public List<Mandate> list(TenantScope scope, Filter filter, int limit) {
        Where where = Where.scoped(scope).filter("business_id", filter.businessId()).filter("agent_id", filter.agentId())
                .filter("status", filter.status());
        return select(where, " ORDER BY created_at DESC, mandate_id DESC LIMIT " + limit);
    }

    /** The active open mandate of the agent for the tenant's business, else the latest revoked one. */
    public Optional<Mandate> currentOpen(String tenantId, String businessId, String agentId) {
        return select(Where.scoped(TenantScope.of(tenantId)).is("business_id", businessId).is("agent_id", agentId).is("vct", OPEN),
                " AND status IN ('ACTIVE', 'REVOKED') ORDER BY status = 'ACTIVE' DESC, created_at DESC LIMIT 1").stream().findFirst();
    }

    /**
     * Writes an ACTIVE open mandate of the tenant unless the agent already has one for the tenant's business, or had one
     * revoked (then no new one is ever issued).
     */
    public void issueOpen(String mandateId, String tenantId, String businessId, String agentId, String issuer, Instant notBefore,
                          Instant notAfter, String mandateJson) {
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO payment_mandates (mandate_id, vct, tenant_id, business_id, agent_id, issuer, status, not_before, not_after,
                    mandate_json)
                SELECT ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?::jsonb WHERE NOT EXISTS (SELECT 1 FROM payment_mandates
                    WHERE tenant_id = ? AND business_id = ? AND agent_id = ? AND vct = ? AND status = 'REVOKED')
                ON CONFLICT DO NOTHING""")) {
            int i = 1;
            insert.setString(i++, mandateId);
            insert.setString(i++, OPEN);
            insert.setString(i++, tenantId);
            insert.setString(i++, businessId);
            insert.setString(i++, agentId);
            insert.setString(i++, issuer);
            insert.setTimestamp(i++, Timestamp.from(notBefore));
            insert.setTimestamp(i++, Timestamp.from(notAfter));
            insert.setString(i++, mandateJson);
            insert.setString(i++, tenantId);
            insert.setString(i++, businessId);
            insert.setString(i++, agentId);
            insert.setString(i, OPEN);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** A closed mandate bound to the payment of {@code tx}, in the payment's tenant, written in that transaction. */
    public void close(LedgerTx tx, String mandateId, String openMandateId, String businessId, String agentId, Instant notBefore,
                      Instant notAfter, String mandateJson) {
        LedgerTx.sql(() -> {
            try (PreparedStatement insert = tx.connection().prepareStatement("""
                    INSERT INTO payment_mandates (mandate_id, vct, tenant_id, business_id, agent_id, parent_mandate_id, payment_id, issuer,
                        status, not_before, not_after, mandate_json)
                    SELECT ?, ?, p.tenant_id, ?, ?, ?, p.id, ?, 'CLOSED', ?, ?, ?::jsonb FROM x402_payments p WHERE p.id = ?""")) {
                insert.setString(1, mandateId);
                insert.setString(2, CLOSED);
                insert.setString(3, businessId);
                insert.setString(4, agentId);
                insert.setString(5, openMandateId);
                insert.setString(6, agentId);
                insert.setTimestamp(7, Timestamp.from(notBefore));
                insert.setTimestamp(8, Timestamp.from(notAfter));
                insert.setString(9, mandateJson);
                insert.setString(10, tx.paymentId());
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

    /** Marks the tenant's ACTIVE open mandate REVOKED; false when it was not active (revoked before). */
    public boolean markRevoked(String tenantId, String mandateId, String revokedBy, String reason) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement("""
                UPDATE payment_mandates SET status = 'REVOKED', revoked_at = now(), revoked_by = ?, revocation_reason = ?
                WHERE tenant_id = ? AND mandate_id = ? AND vct = ? AND status = 'ACTIVE'""")) {
            update.setString(1, revokedBy);
            update.setString(2, reason);
            update.setString(3, tenantId);
            update.setString(4, mandateId);
            update.setString(5, OPEN);
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

    private List<Mandate> select(Where where, String rest) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(COLUMNS + where.sql() + rest)) {
            where.bind(select);
            List<Mandate> mandates = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int i = 1;
                    mandates.add(new Mandate(row.getString(i++), row.getString(i++), row.getString(i++), row.getString(i++),
                            row.getString(i++), row.getString(i++), row.getString(i++), row.getString(i++), row.getString(i++),
                            PaymentStore.instant(row.getTimestamp(i++)), PaymentStore.instant(row.getTimestamp(i++)),
                            PaymentStore.instant(row.getTimestamp(i++)), PaymentStore.instant(row.getTimestamp(i++)),
                            row.getString(i++), row.getString(i++), Payment.json(row.getString(i))));
                }
            }
            return mandates;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

}
