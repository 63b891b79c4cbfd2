package io.genesis.payments;

import io.genesis.payments.policy.Reason;
import io.genesis.payments.policy.RuleCode;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.MandateStore;
import io.genesis.payments.store.PaymentLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revoking an agent's open AP2 mandate for a business. AP2: a revoked mandate is not used for new transactions, so
 * from the revocation on the agent's purchases for that business are denied MANDATE_INVALID (no new mandate is
 * issued, see {@link Mandates#openFor}), its charges awaiting a human are denied, and its uncaptured authorizations
 * are voided (a capture that finds the mandate revoked voids instead). One-shot payments already sent to the vendor
 * complete: they were approved before the revocation. Revoking again changes nothing (replayed). A mandate outside the
 * caller's {@link TenantScope} is {@link MandateNotFound}; who revoked is the subject of the caller's token.
 */
@ApplicationScoped
public class MandateRevocations {

    private static final Logger LOG = Logger.getLogger(MandateRevocations.class.getName());

    /** The mandate after a revoke call, and whether it had been revoked before (nothing changed). */
    public record Revoked(Mandate mandate, boolean replayed) {
    }

    @Inject
    MandateStore store;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentSettings settings;

    public Revoked revoke(TenantScope scope, String mandateId, String revokedBy, String reason) {
        Mandate mandate = store.find(scope, mandateId).orElseThrow(() -> new MandateNotFound(mandateId));
        if (!mandate.open()) {
            throw new PaymentStateConflict("Mandate " + mandateId + " is a closed mandate bound to"
                    + " payment " + mandate.paymentId() + "; revoke its open mandate " + mandate.parentMandateId());
        }
        boolean revokedNow = store.markRevoked(mandate.tenantId(), mandateId, revokedBy, reason);
        Mandate revoked = store.find(scope, mandateId).orElseThrow(() -> new IllegalStateException("mandate " + mandateId + " vanished"));
        if (revokedNow) {
            LOG.info("Mandate " + mandateId + " of " + revoked.agentId() + " (tenant " + revoked.tenantId() + ", business "
                    + revoked.businessId() + ") revoked by " + revokedBy);
        }
        settleHeldCharges(revoked);
        return new Revoked(revoked, !revokedNow);
    }

    /**
     * Denies the payment of {@code tx} (locked, PENDING_APPROVAL) because its open mandate was revoked, releasing its
     * reservation: what a revocation does to a charge awaiting a human.
     */
    void deny(LedgerTx tx, Mandate revoked) {
        String message = "Mandate " + revoked.mandateId() + " is REVOKED (by " + revoked.revokedBy() + ": " + revoked.revocationReason() + ")";
        String decision = tx.decision(new LedgerTx.Decision("DENIED", "NONE", revoked.revokedBy(), settings.policyVersion(), List.of(),
                List.of(new Reason(RuleCode.MANDATE_INVALID, Reason.Effect.DENY, message)), null));
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
        return store.find(TenantScope.every(), mandateId).filter(m -> Mandate.REVOKED.equals(m.status()))
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

    /**
     * Denies the mandate's charges awaiting a human and voids its uncaptured authorizations. Runs on every revoke call
     * (a repeat finishes what an interrupted one left); every change is a guarded transition, safe on many workers.
     */
    private void settleHeldCharges(Mandate revoked) {
        for (String paymentId : store.heldCharges(revoked.mandateId())) {
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
}
