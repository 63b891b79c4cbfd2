package io.genesis.payments;

import io.genesis.payments.policy.MandateTerms;
import io.genesis.payments.policy.PurchaseFacts;
import io.genesis.payments.store.NewPayment;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.FacilitatorClient;
import io.genesis.payments.x402.PaymentRequired;
import io.genesis.payments.x402.PaymentRequirements;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Purchases for agents, the Java API the orchestrator and agents call: {@link #purchase} asks the vendor for its
 * price (the 402), records the attempt, lets {@link ApprovalDecisions} decide, then pays through
 * {@link PaymentExecution}. Idempotent by key within the request's tenant: the same key and request replay the
 * payment, the same key with another request is an {@link IdempotencyConflict}; another tenant's key is never seen.
 */
@ApplicationScoped
public class PurchaseIntake {

    private static final String CHARGE = "CHARGE";

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    @Inject
    VendorQuotes quotes;

    @Inject
    FacilitatorClient facilitator;

    @Inject
    AgentWallets wallets;

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentSteps steps;

    @Inject
    Mandates mandates;

    @Inject
    Budgets budgets;

    @Inject
    ApprovalDecisions approvals;

    @Inject
    PaymentExecution execution;

    public PaymentOutcome purchase(PurchaseRequest request) {
        if (agents.byAgent(request.agentId()).isEmpty()) {
            throw InvalidPaymentRequest.unprocessable("agent_id", "Unknown agent_id '" + request.agentId() + "'");
        }
        Optional<PaymentOutcome> replay = replay(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        Vendor vendor = settings.vendorServing(request.vendorUrl()).orElseThrow(() -> InvalidPaymentRequest.unprocessable("vendor_url",
                "No catalogued vendor serves " + request.vendorUrl() + "; agents never contact unknown hosts (genesis.payments.vendors)"));
        settings.requireUsable();
        PaymentRequired required = quotes.quote(request, vendor.id());
        PaymentSettings.Token token = settings.token();
        PaymentRequirements chosen = required.choose(token.network());
        MandateTerms mandate = mandates.openFor(request.tenantId(), request.businessId(), request.agentId());
        String paymentId = PaymentIds.newPaymentId();
        String payer = wallets.address(request.agentId());
        String nonce = PaymentIds.nonce(paymentId);
        long cents = Money.centsFromAtomic(chosen.amount(), token.decimals());
        boolean inserted = ledger.insert(new NewPayment(
                new NewPayment.Identity(paymentId, request.idempotencyKey(), request.hash(), CHARGE, null),
                new NewPayment.Payer(request.tenantId(), request.mode(), request.businessId(), request.agentId(), request.taskId(),
                        mandate.mandateId(), payer),
                new NewPayment.Resource(vendor.id(), request.vendorUrl().toString(), request.method(), request.fingerprint(),
                        request.bodyText(), request.purpose(), required.resource().getString("description", null),
                        required.resource().getString("mimeType", null)),
                new NewPayment.Quote(required.x402Version(), chosen.scheme(), chosen.network(), chosen.asset(), token.decimals(),
                        chosen.payTo(), chosen.amount(), cents, chosen.maxTimeoutSeconds(), required.text(), chosen.json().toString()),
                new NewPayment.Settlement(nonce, facilitator.url(), settings.simulated())));
        if (!inserted) {
            return replay(request).orElseThrow(() -> new IllegalStateException("idempotency key taken but no payment found"));
        }
        PurchaseFacts facts = new PurchaseFacts(request.agentId(), request.businessId(), Instant.now(), mandate,
                required.x402Version(), chosen.scheme(), chosen.network(), chosen.asset(), vendor.id(),
                request.vendorUrl().toString(), settings.whitelist(request.agentId()), chosen.payTo(),
                vendor.payTo(), request.purpose(), cents, request.maxAmountCents(),
                budgets.dailyLimitCents(request.tenantId(), request.agentId()), settings.businessLimitCents(), request.fingerprint(), payer, nonce);
        PaymentStatus decided = approvals.decide(paymentId, facts,
                new ApprovalDecisions.Approved(vendor, chosen.json().toString(), required.resourceUrl()));
        if (decided == PaymentStatus.APPROVED) {
            execution.execute(paymentId);
        }
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    private Optional<PaymentOutcome> replay(PurchaseRequest request) {
        return ledger.byKey(request.tenantId(), request.idempotencyKey()).map(keyed -> {
            if (!request.hash().equals(keyed.requestHash())) {
                throw IdempotencyConflict.purchase(request.idempotencyKey(), keyed.paymentId());
            }
            return new PaymentOutcome(steps.load(keyed.paymentId()), true);
        });
    }
}
