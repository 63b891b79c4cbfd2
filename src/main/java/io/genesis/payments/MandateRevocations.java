package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.policy.RuleCode;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revoking an agent's open AP2 mandate for a business. AP2: a revoked mandate is not used for new transactions, so
 * from the revocation on the agent's purchases for that business are denied MANDATE_INVALID (no new mandate is
 * issued, see {@link Mandates#openFor}), its charges awaiting a human are denied, and its uncaptured authorizations
 * are voided (a capture that finds the mandate revoked voids instead). One-shot payments already sent to the vendor
 * complete: they were approved before the revocation. Revoking again changes nothing (replayed).
 */
@ApplicationScoped
public class MandateRevocations {

    private static final Logger LOG = Logger.getLogger(MandateRevocations.class.getName());

    /** The mandate after a revoke call, and whether it had been revoked before (nothing changed). */
    public record Revoked(Mandate mandate, boolean replayed) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    MandateQueries queries;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentSettings settings;

    public Revoked revoke(String mandateId, String revokedBy, String reason) {
        Mandate mandate = queries.find(mandateId).orElseThrow(() -> ProblemException.notFound("No payment mandate " + mandateId));
        if (!mandate.open()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Mandate " + mandateId + " is a closed mandate bound to"
                    + " payment " + mandate.paymentId() + "; revoke its open mandate " + mandate.parentMandateId()));
        }
        boolean revokedNow = markRevoked(mandateId, revokedBy, reason);
        Mandate revoked = queries.find(mandateId).orElseThrow(() -> new IllegalStateException("mandate " + mandateId + " vanished"));
        if (revokedNow) {
            LOG.info("Mandate " + mandateId + " of " + revoked.agentId() + " (business " + revoked.businessId() + ") revoked by "
                    + revokedBy);
        }
        settleHeldCharges(revoked);
        return new Revoked(revoked, !revokedNow);
    }

    /**
     * Denies the payment of {@code tx} (locked, PENDING_APPROVAL) because its open mandate was revoked, releasing its
     * reservation: what a revocation does to a charge awaiting a human.
     */
    void deny(LedgerTx tx, Mandate revoked) throws SQLException {
        String message = "Mandate " + revoked.mandateId() + " is REVOKED (by " + revoked.revokedBy() + ": " + revoked.revocationReason() + ")";
        String reasons = JsonConventions.json().createArrayBuilder().add(JsonConventions.json().createObjectBuilder()
                .add("code", RuleCode.MANDATE_INVALID.name()).add("effect", "DENY").add("message", message)).build().toString();
        String decision = tx.decision("DENIED", "NONE", revoked.revokedBy(), settings.policyVersion(), "[]", reasons, null);
        tx.transition(EnumSet.of(PaymentStatus.PENDING_APPROVAL), PaymentStatus.DENIED, revoked.revokedBy(),
                RuleCode.MANDATE_INVALID + ": " + message, new LedgerTx.Changes().set("approval_id", decision)
                        .set("error_code", RuleCode.MANDATE_INVALID.name()).set("error_category", ErrorCategory.POLICY_DENIED)
                        .set("error_message", message));
        tx.release();
        LOG.info("Payment " + tx.paymentId() + " denied: its open mandate " + revoked.mandateId() + " was revoked by "
                + revoked.revokedBy());
    }

    /** The revoked open mandate {@code mandateId}, for a decision or capture that found it revoked. */
    Mandate revoked(String mandateId) {
        return queries.find(mandateId).filter(m -> Mandate.REVOKED.equals(m.status()))
                .orElseThrow(() -> new IllegalStateException("mandate " + mandateId + " is not revoked"));
    }

    /** Voids an authorization whose open mandate was revoked (never settled; budget released); a no-op if it moved on. */
    void voidAuthorization(String paymentId, Mandate revoked) {
        try {
            steps.voided(paymentId, EnumSet.of(PaymentStatus.AUTHORIZED), "open mandate " + revoked.mandateId() + " revoked by "
                    + revoked.revokedBy() + ": " + revoked.revocationReason(), revoked.revokedBy());
        } catch (LedgerTx.StaleState moved) {
            LOG.fine(() -> "Payment " + paymentId + " moved before its revoked mandate voided it: " + moved.getMessage());
        }
    }

    private boolean markRevoked(String mandateId, String revokedBy, String reason) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement("""
                UPDATE payment_mandates SET status = 'REVOKED', revoked_at = now(), revoked_by = ?, revocation_reason = ?
                WHERE mandate_id = ? AND vct = ? AND status = 'ACTIVE'""")) {
            update.setString(1, revokedBy);
            update.setString(2, reason);
            update.setString(3, mandateId);
            update.setString(4, Mandates.OPEN);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /**
     * Denies the mandate's charges awaiting a human and voids its uncaptured authorizations. Runs on every revoke call
     * (a repeat finishes what an interrupted one left); every change is a guarded transition, safe on many workers.
     */
    private void settleHeldCharges(Mandate revoked) {
        for (String paymentId : heldCharges(revoked.mandateId())) {
            try {
                PaymentStatus status = ledger.inTransaction(paymentId, tx -> {
                    PaymentStatus locked = tx.lock();
                    if (locked == PaymentStatus.PENDING_APPROVAL) {
                        deny(tx, revoked);
                    }
                    return locked;
                });
                if (status == PaymentStatus.AUTHORIZED) {
                    voidAuthorization(paymentId, revoked);
                }
            } catch (LedgerTx.StaleState | LedgerUnavailable e) {
                LOG.log(Level.WARNING, "Payment " + paymentId + " under revoked mandate " + revoked.mandateId() + " not settled now;"
                        + " a decision or capture on it will refuse it", e);
            }
        }
    }

    private List<String> heldCharges(String mandateId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement("""
                SELECT id FROM x402_payments WHERE mandate_id = ? AND kind = 'CHARGE'
                  AND status IN ('PENDING_APPROVAL', 'AUTHORIZED') ORDER BY created_at""")) {
            select.setString(1, mandateId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
