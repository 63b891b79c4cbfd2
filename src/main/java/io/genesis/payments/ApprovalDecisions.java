package io.genesis.payments;

import io.genesis.payments.policy.ApprovalPolicy;
import io.genesis.payments.policy.Outcome;
import io.genesis.payments.policy.PurchaseFacts;
import io.genesis.payments.policy.Reason;
import io.genesis.payments.policy.Verdict;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The approval of a new charge, in one transaction on its locked row: the open mandate re-read under a share lock,
 * the {@link ApprovalPolicy} with the budget reserved atomically (undone when it denies), the decision recorded, the
 * Meta-Agent's say on an escalation, and on approval the closed mandate bound to the payment.
 */
@ApplicationScoped
public class ApprovalDecisions {

    private static final Logger LOG = Logger.getLogger(ApprovalDecisions.class.getName());
    static final String POLICY_ENGINE = "policy-engine";
    private static final String META_AGENT = "meta-agent";

    @Inject
    PaymentSettings settings;

    @Inject
    PaymentLedger ledger;

    @Inject
    Mandates mandates;

    private ApprovalPolicy policy;

    @PostConstruct
    void build() {
        policy = new ApprovalPolicy(settings.policy());
    }

    /** What an approval binds: the vendor paid, the chosen requirements and the resource, for the closed mandate. */
    record Approved(Vendor vendor, String requirementsJson, String resourceUrl) {
    }

    /** Policy, reservation and (for escalations) the Meta-Agent; returns DENIED, APPROVED or PENDING_APPROVAL. */
    PaymentStatus decide(String paymentId, PurchaseFacts facts, Approved approved) {
        return ledger.inTransaction(paymentId, tx -> {
            tx.lock();
            PurchaseFacts current = facts.mandate() == null ? facts : facts.withMandate(mandates.recheck(tx, facts.mandate()));
            LedgerTx.Mark beforeReservations = tx.mark();
            Verdict verdict = policy.evaluate(current, tx.spend());
            Reason primary = verdict.primary();
            if (verdict.outcome() == Outcome.DENIED) {
                tx.rollbackTo(beforeReservations);
                String decision = tx.decision(policyDecision(verdict, "NONE"));
                tx.transition(Set.of(PaymentStatus.REQUESTED), PaymentStatus.DENIED, POLICY_ENGINE,
                        primary.code() + ": " + primary.message(), new LedgerTx.Changes().set("approval_id", decision)
                                .set("error_code", primary.code().name()).set("error_category", ErrorCategory.POLICY_DENIED)
                                .set("error_message", primary.message()));
                LOG.info("Payment " + paymentId + " of " + facts.agentId() + " (business " + facts.businessId() + ") denied: "
                        + primary.code());
                return PaymentStatus.DENIED;
            }
            tx.hold(facts.agentId(), facts.businessId(), facts.amountCents());
            boolean auto = verdict.outcome() == Outcome.APPROVED;
            String decision = tx.decision(policyDecision(verdict, auto ? "AUTO" : "NONE"));
            Optional<String> metaApproval = auto ? Optional.empty()
                    : settings.metaAgent().approve(verdict, facts.amountCents(), facts.purpose());
            if (metaApproval.isPresent()) {
                decision = tx.decision(LedgerTx.Decision.by("APPROVED", "META_AGENT", META_AGENT, settings.policyVersion(),
                        metaApproval.get()));
            }
            if (auto || metaApproval.isPresent()) {
                approve(tx, facts.mandate().mandateId(), facts.businessId(), facts.agentId(), facts.amountCents(), approved, decision,
                        auto ? POLICY_ENGINE : META_AGENT, auto ? primary.code().name() : metaApproval.get(), PaymentStatus.REQUESTED);
                return PaymentStatus.APPROVED;
            }
            tx.transition(Set.of(PaymentStatus.REQUESTED), PaymentStatus.PENDING_APPROVAL, POLICY_ENGINE,
                    verdict.reasons().get(0).code() + ": awaiting a human decision (POST /api/payments/" + paymentId + "/decision)",
                    new LedgerTx.Changes().set("approval_id", decision));
            LOG.info("Payment " + paymentId + " of " + facts.agentId() + " awaits a human decision: " + verdict.reasons());
            return PaymentStatus.PENDING_APPROVAL;
        });
    }

    /** Moves the payment of {@code tx} from {@code from} to APPROVED and writes its closed mandate. */
    void approve(LedgerTx tx, String openMandateId, String businessId, String agentId, long cents, Approved approved,
                 String decision, String actor, String reason, PaymentStatus from) {
        tx.transition(Set.of(from), PaymentStatus.APPROVED, actor, reason,
                new LedgerTx.Changes().set("approval_id", decision).now("approved_at"));
        mandates.close(tx, openMandateId, businessId, agentId, approved.vendor(), cents, approved.requirementsJson(),
                approved.resourceUrl());
    }

    private LedgerTx.Decision policyDecision(Verdict verdict, String approvalMode) {
        return new LedgerTx.Decision(verdict.outcome().name(), approvalMode, POLICY_ENGINE, settings.policyVersion(), verdict.checks(),
                verdict.reasons(), null);
    }
}
