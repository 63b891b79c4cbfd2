package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.policy.ApprovalPolicy;
import io.genesis.payments.policy.Check;
import io.genesis.payments.policy.MandateTerms;
import io.genesis.payments.policy.Outcome;
import io.genesis.payments.policy.PurchaseFacts;
import io.genesis.payments.policy.Reason;
import io.genesis.payments.policy.Verdict;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.FacilitatorClient;
import io.genesis.payments.x402.PaymentRequired;
import io.genesis.payments.x402.PaymentRequirements;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.VendorClient;
import io.genesis.payments.x402.X402;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Purchases for agents, the Java API the orchestrator and agents call: {@link #purchase} asks the vendor for its
 * price (the 402), records the attempt, runs the approval policy with the budget reserved atomically, lets the
 * Meta-Agent decide escalations, then pays: ONE_SHOT sends the signed payment to the vendor, which serves and
 * settles; STAGED only authorizes (facilitator /verify) and leaves capture, void or refund to {@link StagedPayments}.
 * Idempotent by key: the same key and request replay the payment, the same key with another request is a 409.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());
    private static final String POLICY_ENGINE = "policy-engine";
    private static final String META_AGENT = "meta-agent";

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    @Inject
    VendorClient vendors;

    @Inject
    FacilitatorClient facilitator;

    @Inject
    AgentWallets wallets;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentQueries queries;

    @Inject
    PaymentSteps steps;

    @Inject
    Mandates mandates;

    @Inject
    Budgets budgets;

    @Inject
    ApprovalTimeout approvalTimeout;

    @Inject
    MandateRevocations revocations;

    private ApprovalPolicy policy;

    @PostConstruct
    void build() {
        policy = new ApprovalPolicy(settings.policy());
    }

    /** The vendor did not behave like an x402 vendor (no answer, no 402, a malformed header): retry later or fix the URL. */
    public static final class VendorFailure extends ProblemException {
        VendorFailure(String detail) {
            super(new Problem("about:blank", "Bad Gateway", 502, detail, null, java.util.Map.of()));
        }
    }

    public PaymentOutcome purchase(PurchaseRequest request) {
        if (agents.byAgent(request.agentId()).isEmpty()) {
            throw PurchaseRequest.field(422, "agent_id", "Unknown agent_id '" + request.agentId() + "'");
        }
        Optional<PaymentOutcome> replay = replay(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        Vendor vendor = settings.vendorServing(request.vendorUrl()).orElseThrow(() -> PurchaseRequest.field(422, "vendor_url",
                "No catalogued vendor serves " + request.vendorUrl() + "; agents never contact unknown hosts (genesis.payments.vendors)"));
        PaymentRequired required = quote(request);
        PaymentSettings.Token token = settings.token();
        PaymentRequirements chosen = required.choose(token.network());
        MandateTerms mandate = mandates.openFor(request.businessId(), request.agentId());
        String paymentId = PaymentIds.newPaymentId();
        String payer = wallets.address(request.agentId());
        String nonce = PaymentIds.nonce(paymentId);
        long cents = Money.centsFromAtomic(chosen.amount(), token.decimals());
        boolean inserted = ledger.insert(new PaymentLedger.NewPayment(paymentId, request.idempotencyKey(), request.hash(), "CHARGE",
                null, request.tenantId(), request.mode(), request.businessId(), request.agentId(), request.taskId(),
                mandate.mandateId(), vendor.id(), request.vendorUrl().toString(), request.method(),
                request.fingerprint(), request.bodyText(), request.purpose(), required.resource().getString("description", null),
                required.resource().getString("mimeType", null), required.x402Version(), chosen.scheme(), chosen.network(),
                chosen.asset(), token.decimals(), chosen.payTo(), payer, chosen.amount(), cents, chosen.maxTimeoutSeconds(), nonce,
                facilitator.url(), settings.simulated(), required.text(), chosen.json().toString()));
        if (!inserted) {
            return replay(request).orElseThrow(() -> new IllegalStateException("idempotency key taken but no payment found"));
        }
        PurchaseFacts facts = new PurchaseFacts(request.agentId(), request.businessId(), Instant.now(), mandate,
                required.x402Version(), chosen.scheme(), chosen.network(), chosen.asset(), vendor.id(),
                request.vendorUrl().toString(), settings.whitelist(request.agentId()), chosen.payTo(),
                vendor.payTo(), request.purpose(), cents, request.maxAmountCents(),
                budgets.dailyLimitCents(request.agentId()), settings.businessLimitCents(), request.fingerprint(), payer, nonce);
        PaymentStatus decided = decide(paymentId, facts, vendor, chosen, required);
        if (decided == PaymentStatus.APPROVED) {
            execute(paymentId);
        }
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    private Optional<PaymentOutcome> replay(PurchaseRequest request) {
        return ledger.byKey(request.idempotencyKey()).map(keyed -> {
            if (!request.hash().equals(keyed.requestHash())) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Idempotency-Key " + request.idempotencyKey()
                        + " was used for a different purchase (" + keyed.paymentId() + ")").with("payment_id", keyed.paymentId()));
            }
            return new PaymentOutcome(steps.load(keyed.paymentId()), true);
        });
    }

    private PaymentRequired quote(PurchaseRequest request) {
        VendorClient.Reply reply;
        try {
            reply = vendors.call(request.method(), request.vendorUrl(), request.bodyText(), null);
        } catch (RemoteUnavailable e) {
            throw new VendorFailure(e.getMessage());
        }
        if (reply.status() != 402) {
            throw new VendorFailure("vendor " + request.vendorUrl() + " answered HTTP " + reply.status()
                    + " instead of 402 Payment Required; nothing to pay");
        }
        if (reply.paymentRequired() == null) {
            try {
                return PaymentRequired.fromV1Body(reply.body());
            } catch (IllegalArgumentException e) {
                throw new VendorFailure("vendor " + request.vendorUrl() + " answered 402 with neither a " + X402.PAYMENT_REQUIRED
                        + " header (x402 v2) nor a PaymentRequired body (x402 v1): " + e.getMessage());
            }
        }
        try {
            return PaymentRequired.fromHeader(reply.paymentRequired());
        } catch (IllegalArgumentException e) {
            throw new VendorFailure("vendor " + request.vendorUrl() + " sent a malformed " + X402.PAYMENT_REQUIRED + ": " + e.getMessage());
        }
    }

    /** Policy, reservation and (for escalations) the Meta-Agent, in one transaction; returns the resulting status. */
    private PaymentStatus decide(String paymentId, PurchaseFacts facts, Vendor vendor, PaymentRequirements chosen, PaymentRequired required) {
        return ledger.inTransaction(paymentId, tx -> {
            tx.lock();
            PurchaseFacts current = facts.mandate() == null ? facts : facts.withMandate(mandates.recheck(tx, facts.mandate()));
            Savepoint beforeReservations = tx.savepoint();
            Verdict verdict = policy.evaluate(current, tx);
            Reason primary = verdict.primary();
            if (verdict.outcome() == Outcome.DENIED) {
                tx.rollbackTo(beforeReservations);
                String decision = tx.decision("DENIED", "NONE", POLICY_ENGINE, settings.policyVersion(), checks(verdict),
                        reasons(verdict), null);
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
            String decision = tx.decision(verdict.outcome().name(), auto ? "AUTO" : "NONE", POLICY_ENGINE, settings.policyVersion(),
                    checks(verdict), reasons(verdict), null);
            Optional<String> metaApproval = auto ? Optional.empty()
                    : settings.metaAgent().approve(verdict, facts.amountCents(), facts.purpose());
            if (metaApproval.isPresent()) {
                decision = tx.decision("APPROVED", "META_AGENT", META_AGENT, settings.policyVersion(), "[]", "[]", metaApproval.get());
            }
            if (auto || metaApproval.isPresent()) {
                approve(tx, facts.mandate().mandateId(), facts.businessId(), facts.agentId(), vendor, facts.amountCents(),
                        chosen.json().toString(), required.resourceUrl(), decision, auto ? POLICY_ENGINE : META_AGENT,
                        auto ? primary.code().name() : metaApproval.get(), PaymentStatus.REQUESTED);
                return PaymentStatus.APPROVED;
            }
            tx.transition(Set.of(PaymentStatus.REQUESTED), PaymentStatus.PENDING_APPROVAL, POLICY_ENGINE,
                    verdict.reasons().get(0).code() + ": awaiting a human decision (POST /api/payments/" + paymentId + "/decision)",
                    new LedgerTx.Changes().set("approval_id", decision));
            LOG.info("Payment " + paymentId + " of " + facts.agentId() + " awaits a human decision: " + verdict.reasons());
            return PaymentStatus.PENDING_APPROVAL;
        });
    }

    private void approve(LedgerTx tx, String openMandateId, String businessId, String agentId, Vendor vendor, long cents,
                         String requirementsJson, String resourceUrl, String decision, String actor, String reason,
                         PaymentStatus from) throws java.sql.SQLException {
        tx.transition(Set.of(from), PaymentStatus.APPROVED, actor, reason,
                new LedgerTx.Changes().set("approval_id", decision).now("approved_at"));
        mandates.close(tx, tx.paymentId(), openMandateId, businessId, agentId, vendor, cents, requirementsJson, resourceUrl);
    }

    /**
     * A human's decision on a payment awaiting approval; an approval continues the purchase at once. The same person
     * repeating the same decision gets the payment back (replayed); any other decision on a decided payment is a 409,
     * so is a decision that comes after the {@link ApprovalTimeout} (the payment expires then, if the sweeper has not
     * expired it yet) or an approval under an open mandate revoked meanwhile (the payment is denied then).
     */
    public PaymentOutcome decideByHuman(String paymentId, boolean approve, String decidedBy, String rationale) {
        Payment payment = queries.find(paymentId).orElseThrow(() -> ProblemException.notFound("No payment " + paymentId));
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
            String decision = tx.decision(outcome, "HUMAN", decidedBy, settings.policyVersion(), "[]", "[]", rationale);
            if (approve) {
                Vendor vendor = settings.vendor(payment.vendorId()).orElseThrow(() -> new IllegalStateException(
                        "vendor " + payment.vendorId() + " left the catalogue"));
                approve(tx, payment.mandateId(), payment.businessId(), payment.agentId(), vendor, payment.requestedCents().longValue(),
                        payment.requirements().toString(), PaymentRequired.parse(payment.paymentRequired().toString()).resourceUrl(),
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
            throw undecidable(steps.load(paymentId));
        }
        if (approve) {
            execute(paymentId);
        }
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    /** The 409 for a decision on a payment that no longer awaits one, saying why (expired, denied under a revoked mandate …). */
    private static ProblemException undecidable(Payment payment) {
        String id = payment.paymentId();
        String detail;
        if (ApprovalTimeout.timedOut(payment)) {
            detail = "Payment " + id + " expired: " + payment.errorMessage() + ". Purchase again to ask anew";
        } else {
            detail = "Payment " + id + " is " + payment.status() + (payment.paymentStatus() == PaymentStatus.DENIED
                    && payment.errorMessage() != null ? " (" + payment.errorMessage() + ")" : "")
                    + "; only PENDING_APPROVAL payments take a decision";
        }
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail).with("payment_status", payment.status())
                .with("payment_id", id));
    }

    /** Pays an APPROVED payment: ONE_SHOT through the vendor, STAGED by authorizing at the facilitator. */
    private void execute(String paymentId) {
        Payment payment = steps.current(paymentId);
        PaymentSteps.Signed signed = steps.sign(payment);
        Set<PaymentStatus> approved = EnumSet.of(PaymentStatus.APPROVED);
        if (PurchaseMode.valueOf(payment.mode()) == PurchaseMode.STAGED) {
            authorize(payment, signed, approved);
        } else {
            sendToVendor(payment, signed, approved);
        }
    }

    private void authorize(Payment payment, PaymentSteps.Signed signed, Set<PaymentStatus> approved) {
        FacilitatorAnswer verified;
        try {
            verified = facilitator.verify(signed.payload(), signed.requirements());
        } catch (RemoteUnavailable e) {
            steps.fail(payment.paymentId(), approved, "unexpected_verify_error", e.getMessage(), "facilitator", signed.changes());
            return;
        }
        if (!verified.ok()) {
            steps.fail(payment.paymentId(), approved, verified.reason(), "authorization refused: " + verified.reason(), "facilitator",
                    signed.changes().json("verify_response_json", verified.json().toString()));
            return;
        }
        ledger.inTransaction(payment.paymentId(), tx -> {
            tx.transition(approved, PaymentStatus.AUTHORIZED, "facilitator", "verified; valid until " + signed.authorization().validBefore(),
                    signed.changes().json("verify_response_json", verified.json().toString()).now("authorized_at"));
            return null;
        });
    }

    private void sendToVendor(Payment payment, PaymentSteps.Signed signed, Set<PaymentStatus> approved) {
        String paymentId = payment.paymentId();
        VendorClient.PaymentHeader header = VendorClient.PaymentHeader.of(payment.wireVersion(), signed.payload());
        ledger.inTransaction(paymentId, tx -> {
            tx.transition(approved, PaymentStatus.CAPTURING, payment.agentId(), header.name() + " sent to the vendor",
                    signed.changes().now("authorized_at"));
            return null;
        });
        VendorClient.Reply reply;
        try {
            reply = vendors.call(payment.httpMethod(), URI.create(payment.vendorUrl()), payment.requestBody() == null ? null
                    : payment.requestBody().toString(), header);
        } catch (RemoteUnavailable e) {
            ledger.inTransaction(paymentId, tx -> {
                tx.transition(PaymentSteps.SENDING, PaymentStatus.CAPTURE_UNKNOWN, "vendor", e.getMessage()
                        + "; the vendor may or may not have settled", new LedgerTx.Changes().set("error_message", e.getMessage()));
                return null;
            });
            return;
        }
        if (reply.status() >= 200 && reply.status() < 300 && reply.paymentResponse() != null) {
            steps.settled(paymentId, PaymentSteps.SENDING, FacilitatorAnswer.settle(X402.decode(reply.paymentResponse())), "vendor");
        } else if (reply.status() == 402) {
            String reason = reason(reply);
            steps.fail(paymentId, PaymentSteps.SENDING, reason, "vendor refused the payment: " + reason, "vendor",
                    reply.paymentResponse() == null ? new LedgerTx.Changes()
                            : new LedgerTx.Changes().json("settle_response_json", X402.decodeText(reply.paymentResponse())));
        } else {
            steps.voided(paymentId, PaymentSteps.SENDING, "vendor answered HTTP " + reply.status() + " and did not settle", "vendor");
        }
    }

    private static String reason(VendorClient.Reply reply) {
        try {
            if (reply.paymentResponse() != null) {
                return X402.decode(reply.paymentResponse()).getString("errorReason", "unexpected_settle_error");
            }
            if (reply.paymentRequired() != null) {
                return X402.decode(reply.paymentRequired()).getString("error", "invalid_payload");
            }
            if (reply.body() != null && !reply.body().isBlank()) {
                return X402.parse(reply.body()).getString("error", "invalid_payload");
            }
        } catch (IllegalArgumentException e) {
            return "invalid_payload";
        }
        return "invalid_payload";
    }

    private static String checks(Verdict verdict) {
        JsonArrayBuilder checks = JsonConventions.json().createArrayBuilder();
        for (Check check : verdict.checks()) {
            var item = JsonConventions.json().createObjectBuilder().add("code", check.code().name()).add("result", check.result().name());
            if (check.observed() != null) {
                item.add("observed", check.observed());
            }
            if (check.limit() != null) {
                item.add("limit", check.limit());
            }
            checks.add(item);
        }
        return checks.build().toString();
    }

    private static String reasons(Verdict verdict) {
        JsonArrayBuilder reasons = JsonConventions.json().createArrayBuilder();
        verdict.reasons().forEach(reason -> reasons.add(JsonConventions.json().createObjectBuilder().add("code", reason.code().name())
                .add("effect", reason.effect().name()).add("message", reason.message())));
        return reasons.build().toString();
    }
}
