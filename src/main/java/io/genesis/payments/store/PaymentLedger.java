package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.PaymentChangeNotices;
import io.genesis.payments.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes to the payments ledger with plain JDBC: the first row of an attempt (idempotent by tenant and key) and transactions of
 * guarded transitions ({@link LedgerTx}). Every change of {@code x402_payments.status} goes through here together
 * with its {@code payment_events} row; each changed payment is told to every worker after the commit
 * ({@link PaymentChangeNotices}).
 */
@ApplicationScoped
public class PaymentLedger {

    /** What a transaction does; an exception rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(LedgerTx tx);
    }

    /** An existing attempt found by idempotency key. */
    public record Keyed(String paymentId, String requestHash) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    PaymentChangeNotices notices;

    /** Inserts the REQUESTED row and its first event; false when the tenant already used the idempotency key. */
    public boolean insert(NewPayment p) {
        return inTransaction(p.identity().id(), tx -> LedgerTx.sql(() -> {
                try (PreparedStatement insert = tx.connection().prepareStatement("""
                        INSERT INTO x402_payments (id, idempotency_key, request_hash, kind, parent_payment_id, tenant_id, mode,
                            business_id, agent_id, task_id, mandate_id, vendor_id, vendor_url, http_method, request_fingerprint,
                            request_body, purpose, description, mime_type, x402_version, scheme, network, asset, asset_decimals, pay_to, payer,
                            amount_atomic, requested_cents, cost_cents, max_timeout_seconds, auth_nonce, status, x402_status,
                            facilitator_url, simulated, payment_required_json, requirements_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?,
                            ?::jsonb, ?::jsonb)
                        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")) {
                    NewPayment.Identity id = p.identity();
                    NewPayment.Payer payer = p.payer();
                    NewPayment.Resource resource = p.resource();
                    NewPayment.Quote quote = p.quote();
                    int i = 1;
                    insert.setString(i++, id.id());
                    insert.setString(i++, id.idempotencyKey());
                    insert.setString(i++, id.requestHash());
                    insert.setString(i++, id.kind());
                    insert.setString(i++, id.parentPaymentId());
                    insert.setString(i++, payer.tenantId());
                    insert.setString(i++, payer.mode().name());
                    insert.setString(i++, payer.businessId());
                    insert.setString(i++, payer.agentId());
                    insert.setString(i++, payer.taskId());
                    insert.setString(i++, payer.mandateId());
                    insert.setString(i++, resource.vendorId());
                    insert.setString(i++, resource.vendorUrl());
                    insert.setString(i++, resource.httpMethod());
                    insert.setString(i++, resource.fingerprint());
                    insert.setString(i++, resource.requestBody());
                    insert.setString(i++, resource.purpose());
                    insert.setString(i++, resource.description());
                    insert.setString(i++, resource.mimeType());
                    insert.setInt(i++, quote.x402Version());
                    insert.setString(i++, quote.scheme());
                    insert.setString(i++, quote.network());
                    insert.setString(i++, quote.asset());
                    insert.setInt(i++, quote.assetDecimals());
                    insert.setString(i++, quote.payTo());
                    insert.setString(i++, payer.wallet());
                    insert.setBigDecimal(i++, new BigDecimal(quote.amountAtomic()));
                    insert.setBigDecimal(i++, BigDecimal.valueOf(quote.requestedCents()));
                    insert.setObject(i++, quote.maxTimeoutSeconds());
                    insert.setString(i++, p.settlement().authNonce());
                    insert.setString(i++, PaymentStatus.REQUESTED.name());
                    insert.setString(i++, PaymentStatus.REQUESTED.x402Status());
                    insert.setString(i++, p.settlement().facilitatorUrl());
                    insert.setBoolean(i++, p.settlement().simulated());
                    insert.setString(i++, quote.paymentRequiredJson());
                    insert.setString(i, quote.requirementsJson());
                    if (insert.executeUpdate() == 0) {
                        return false;
                    }
                }
                tx.event(p.identity().id(), null, PaymentStatus.REQUESTED, p.payer().agentId(), p.resource().purpose());
                return true;
            }));
    }

    /** The tenant's attempt with that idempotency key; keys are the tenant's own, another tenant's never match. */
    public Optional<Keyed> byKey(String tenantId, String idempotencyKey) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT id, request_hash FROM x402_payments WHERE tenant_id = ? AND idempotency_key = ?")) {
            select.setString(1, tenantId);
            select.setString(2, idempotencyKey);
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
                LedgerTx tx = new LedgerTx(db, paymentId);
                T result = work.run(tx);
                db.commit();
                tx.changed.forEach(notices::changed);
                return result;
            } catch (RuntimeException e) {
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
