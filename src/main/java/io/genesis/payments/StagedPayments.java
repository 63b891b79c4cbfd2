package io.genesis.payments;

import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.FacilitatorClient;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.RemoteUnreached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Staged payments for deploys: {@link #authorize} (facilitator /verify, the signed payload held), then {@link #capture}
 * (facilitator /settle) when the deploy succeeded, {@link #voidAuthorization} when it failed (never settled; budget
 * released); {@link Refunds} after capture. Each call is idempotent: repeating it on a payment already in its
 * target state returns the payment unchanged. An authorization whose open mandate was revoked is voided, not captured.
 * Capture and void act within a {@link TenantScope}: another tenant's payment is {@link PaymentNotFound}.
 */
@ApplicationScoped
public class StagedPayments {

    @Inject
    PurchaseIntake intake;

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentLedger ledger;

    @Inject
    FacilitatorClient facilitator;

    @Inject
    Mandates mandates;

    @Inject
    MandateRevocations revocations;

    /** A STAGED purchase: approval as for any purchase, then authorization only. */
    public PaymentOutcome authorize(PurchaseRequest request) {
        if (request.mode() != PurchaseMode.STAGED) {
            throw InvalidPaymentRequest.unprocessable("mode", "authorize needs mode STAGED");
        }
        return intake.purchase(request);
    }

    /**
     * Settles an authorization at the facilitator. A settlement whose answer is lost becomes CAPTURE_UNKNOWN (the
     * sweeper reconciles it); it is never sent twice from here. A settle that certainly was not sent (facilitator not
     * reached, its circuit open or its bulkhead full) leaves the payment AUTHORIZED, so the capture can be repeated.
     */
    public PaymentOutcome capture(TenantScope scope, String paymentId, String actor) {
        Payment payment = require(scope, paymentId, PaymentStatus.CAPTURED, EnumSet.of(PaymentStatus.AUTHORIZED), "captured");
        if (payment.paymentStatus() == PaymentStatus.CAPTURED) {
            return new PaymentOutcome(payment, true);
        }
        boolean revoked = ledger.inTransaction(paymentId, tx -> {
            if (payment.mandateId() != null && Mandate.REVOKED.equals(mandates.lockedStatus(tx, payment.mandateId()))) {
                return true;
            }
            tx.transition(EnumSet.of(PaymentStatus.AUTHORIZED), PaymentStatus.CAPTURING, actor, "capture requested", new LedgerTx.Changes());
            return false;
        });
        if (revoked) {
            Mandate mandate = revocations.revoked(payment.mandateId());
            revocations.voidAuthorization(paymentId, mandate);
            throw new PaymentStateConflict("Payment " + paymentId + " was not captured: its open mandate " + mandate.mandateId() + " was revoked by "
                    + mandate.revokedBy() + " (" + mandate.revocationReason() + "); a revoked mandate is not used for new"
                    + " transactions, so the authorization is voided and its budget released");
        }
        JsonObject payload = payment.payload().asJsonObject();
        JsonObject requirements = payment.requirements().asJsonObject();
        FacilitatorAnswer settled;
        try {
            settled = facilitator.settle(payload, requirements);
        } catch (RemoteUnavailable | FaultToleranceException e) {
            String problem = String.valueOf(e.getMessage());
            PaymentStatus next = afterUnansweredSettle(e);
            ledger.inTransaction(paymentId, tx -> {
                if (next == PaymentStatus.AUTHORIZED) {
                    tx.transition(PaymentSteps.SENDING, next, "facilitator", "facilitator not reached; nothing sent: " + problem,
                            new LedgerTx.Changes());
                } else {
                    tx.transition(PaymentSteps.SENDING, next, "facilitator", problem, new LedgerTx.Changes().set("error_message", problem));
                }
                return null;
            });
            return new PaymentOutcome(steps.load(paymentId), false);
        }
        steps.settled(paymentId, PaymentSteps.SENDING, settled, "facilitator");
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    /**
     * Where a capture goes when the settle got no answer: back to AUTHORIZED when nothing was sent (the capture can
     * simply be asked again), else CAPTURE_UNKNOWN (the facilitator may have submitted it; the sweeper reconciles).
     */
    static PaymentStatus afterUnansweredSettle(Throwable failure) {
        return RemoteUnreached.nothingSent(failure) ? PaymentStatus.AUTHORIZED : PaymentStatus.CAPTURE_UNKNOWN;
    }

    public PaymentOutcome voidAuthorization(TenantScope scope, String paymentId, String actor, String reason) {
        Payment payment = require(scope, paymentId, PaymentStatus.VOIDED, EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.AUTHORIZED), "voided");
        if (payment.paymentStatus() == PaymentStatus.VOIDED) {
            return new PaymentOutcome(payment, true);
        }
        steps.voided(paymentId, EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.AUTHORIZED), reason, actor);
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    private Payment require(TenantScope scope, String paymentId, PaymentStatus done, Set<PaymentStatus> from, String verb) {
        Payment payment = steps.load(scope, paymentId);
        if (payment.paymentStatus() != done && !from.contains(payment.paymentStatus())) {
            throw new PaymentStateConflict("Payment " + paymentId + " is " + payment.status() + "; it can be " + verb + " only from " + from);
        }
        return payment;
    }
}
