package io.genesis.payments;

import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.PaymentRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * A human's decision on a payment awaiting approval, within the decider's {@link TenantScope} (another tenant's payment
 * is {@link PaymentNotFound}); an approval continues the purchase at once. Who decided is the subject of the decider's
 * token, passed in by the boundary. The same person repeating the same decision gets the payment back (replayed); any other decision on a decided payment is
 * {@link DecisionTooLate}, so is a decision that comes after the {@link ApprovalTimeout} (the payment expires then,
 * if the sweeper has not expired it yet) or an approval under an open mandate revoked meanwhile (the payment is
 * denied then).
 */
@ApplicationScoped
public class HumanDecisions {

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentSteps steps;

    @Inject
    Mandates mandates;

    @Inject
    ApprovalTimeout approvalTimeout;

    @Inject
    MandateRevocations revocations;

    @Inject
    ApprovalDecisions approvals;

    @Inject
    PaymentExecution execution;

    public PaymentOutcome decide(TenantScope scope, String paymentId, boolean approve, String decidedBy, String rationale) {
        Payment payment = steps.load(scope, paymentId);
        String outcome = approve ? "APPROVED" : "DENIED";
        boolean alreadyMine = payment.decisions().stream().anyMatch(d -> "HUMAN".equals(d.approvalMode())
                && decidedBy.equals(d.decidedBy()) && outcome.equals(d.outcome()));
        if (alreadyMine && payment.paymentStatus() != PaymentStatus.PENDING_APPROVAL) {
            return new PaymentOutcome(payment, true);
        }
        boolean decided = ledger.inTransaction(paymentId, tx -> {
            PaymentStatus status = tx.lock();
            if (status != PaymentStatus.PENDING_APPROVAL || approvalTimeout.expireIfOverdue(tx)) {
                return false;
            }
            if (approve && Mandate.REVOKED.equals(mandates.lockedStatus(tx, payment.mandateId()))) {
                revocations.deny(tx, revocations.revoked(payment.mandateId()));
                return false;
            }
            String decision = tx.decision(LedgerTx.Decision.by(outcome, "HUMAN", decidedBy, settings.policyVersion(), rationale));
            if (approve) {
                Vendor vendor = settings.vendor(payment.vendorId()).orElseThrow(() -> new IllegalStateException(
                        "vendor " + payment.vendorId() + " left the catalogue"));
                approvals.approve(tx, payment.mandateId(), payment.businessId(), payment.agentId(), payment.requestedCents().longValue(),
                        new ApprovalDecisions.Approved(vendor, payment.requirements().toString(),
                                PaymentRequired.parse(payment.paymentRequired().toString()).resourceUrl()),
                        decision, decidedBy, "approved by " + decidedBy, PaymentStatus.PENDING_APPROVAL);
            } else {
                tx.transition(Set.of(PaymentStatus.PENDING_APPROVAL), PaymentStatus.DENIED, decidedBy, "denied by " + decidedBy,
                        new LedgerTx.Changes().set("approval_id", decision).set("error_code", "HUMAN_DENIED")
                                .set("error_category", ErrorCategory.POLICY_DENIED).set("error_message", rationale));
                tx.release();
            }
            return true;
        });
        if (!decided) {
            throw new DecisionTooLate(steps.load(paymentId));
        }
        if (approve) {
            execution.execute(paymentId);
        }
        return new PaymentOutcome(steps.load(paymentId), false);
    }
}
