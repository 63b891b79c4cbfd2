package io.genesis.payments;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes to the payments ledger with plain JDBC: the first row of an attempt (idempotent by key) and transactions of
 * guarded transitions ({@link LedgerTx}). Every change of {@code x402_payments.status} goes through here together
 * with its {@code payment_events} row.
 */
@ApplicationScoped
public class PaymentLedger {

    /** What a transaction does; may throw SQL errors, which roll it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(LedgerTx tx) throws SQLException;
    }

    /** The first row of a purchase attempt: the request, the vendor's 402 and the chosen requirements, verbatim. */
    public record NewPayment(String id, String idempotencyKey, String requestHash, String kind, String parentPaymentId,
                             String tenantId, PurchaseMode mode, String businessId, String agentId, String taskId,
                             String mandateId, String vendorId, String vendorUrl, String httpMethod, String fingerprint,
                             String requestBody, String purpose, String description, String mimeType, int x402Version, String scheme,
                             String network, String asset, int assetDecimals, String payTo, String payer,
                             BigInteger amountAtomic, long requestedCents, Integer maxTimeoutSeconds, String authNonce,
                             String facilitatorUrl, boolean simulated, String paymentRequiredJson, String requirementsJson) {
    }

    /** An existing attempt found by idempotency key. */
    public record Keyed(String paymentId, String requestHash) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** Inserts the REQUESTED row and its first event; false when the idempotency key is already taken. */
    public boolean insert(NewPayment p) {
        return inTransaction(p.id(), tx -> {
            try (PreparedStatement insert = tx.connection().prepareStatement("""
                    INSERT INTO x402_payments (id, idempotency_key, request_hash, kind, parent_payment_id, tenant_id, mode,
                        business_id, agent_id, task_id, mandate_id, vendor_id, vendor_url, http_method, request_fingerprint,
                        request_body, purpose, description, mime_type, x402_version, scheme, network, asset, asset_decimals, pay_to, payer,
                        amount_atomic, requested_cents, cost_cents, max_timeout_seconds, auth_nonce, status, x402_status,
                        facilitator_url, simulated, payment_required_json, requirements_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?,
                        ?::jsonb, ?::jsonb)
                    ON CONFLICT (idempotency_key) DO NOTHING""")) {
                int i = 1;
                insert.setString(i++, p.id());
                insert.setString(i++, p.idempotencyKey());
                insert.setString(i++, p.requestHash());
                insert.setString(i++, p.kind());
                insert.setString(i++, p.parentPaymentId());
                insert.setString(i++, p.tenantId());
                insert.setString(i++, p.mode().name());
                insert.setString(i++, p.businessId());
                insert.setString(i++, p.agentId());
                insert.setString(i++, p.taskId());
                insert.setString(i++, p.mandateId());
                insert.setString(i++, p.vendorId());
                insert.setString(i++, p.vendorUrl());
                insert.setString(i++, p.httpMethod());
                insert.setString(i++, p.fingerprint());
                insert.setString(i++, p.requestBody());
                insert.setString(i++, p.purpose());
                insert.setString(i++, p.description());
                insert.setString(i++, p.mimeType());
                insert.setInt(i++, p.x402Version());
                insert.setString(i++, p.scheme());
                insert.setString(i++, p.network());
                insert.setString(i++, p.asset());
                insert.setInt(i++, p.assetDecimals());
                insert.setString(i++, p.payTo());
                insert.setString(i++, p.payer());
                insert.setBigDecimal(i++, new BigDecimal(p.amountAtomic()));
                insert.setBigDecimal(i++, BigDecimal.valueOf(p.requestedCents()));
                insert.setObject(i++, p.maxTimeoutSeconds());
                insert.setString(i++, p.authNonce());
                insert.setString(i++, PaymentStatus.REQUESTED.name());
                insert.setString(i++, PaymentStatus.REQUESTED.x402Status());
                insert.setString(i++, p.facilitatorUrl());
                insert.setBoolean(i++, p.simulated());
                insert.setString(i++, p.paymentRequiredJson());
                insert.setString(i, p.requirementsJson());
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            tx.event(p.id(), null, PaymentStatus.REQUESTED, p.agentId(), p.purpose());
            return true;
        });
    }

    public Optional<Keyed> byKey(String idempotencyKey) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT id, request_hash FROM x402_payments WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Keyed(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Runs {@code work} in one local transaction on the payment {@code paymentId}; commits when it returns. */
    public <T> T inTransaction(String paymentId, Work<T> work) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                T result = work.run(new LedgerTx(db, paymentId));
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
