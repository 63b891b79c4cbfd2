package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.NewPayment;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.VendorClient;
import io.genesis.payments.x402.X402;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.math.BigInteger;
import java.net.URI;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Refunds of captured charges, each a REFUND row of its own in the charge's tenant, keyed by an Idempotency-Key of that
 * tenant (the same key replays it; the same key for another charge is an {@link IdempotencyConflict}; another tenant's
 * keys are never seen). A charge outside the caller's {@link TenantScope} is {@link PaymentNotFound}. Only CAPTURED or PARTIALLY_REFUNDED charges are
 * refunded, at most what is left of them; the refunded cents go back to the agent's day and the business.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentLedger ledger;

    @Inject
    VendorClient vendors;

    @Inject
    PaymentSettings settings;

    /**
     * Refunds {@code cents} (all that is left when null) of a captured charge as a new REFUND row keyed by
     * {@code idempotencyKey}. Simulated vendors send the money back at once (REFUNDED); with live vendors x402 has no
     * refund primitive, so the refund is recorded as a request to the vendor (REFUND_PENDING).
     */
    public PaymentOutcome refund(TenantScope scope, String chargeId, Long cents, String reason, String idempotencyKey, String actor) {
        Payment charge = steps.load(scope, chargeId);
        var existing = ledger.byKey(charge.tenantId(), idempotencyKey);
        if (existing.isPresent()) {
            Payment refund = steps.load(existing.get().paymentId());
            if (!chargeId.equals(refund.parentPaymentId())) {
                throw IdempotencyConflict.refund(idempotencyKey, refund.paymentId());
            }
            return new PaymentOutcome(refund, true);
        }
        if (!PaymentStatus.REFUNDABLE.contains(charge.paymentStatus()) || !"CHARGE".equals(charge.kind())) {
            throw new PaymentStateConflict("Payment " + chargeId + " is " + charge.status() + "; only CAPTURED or PARTIALLY_REFUNDED charges are refunded");
        }
        long refundable = charge.capturedCents().longValue() - charge.refundedCents().longValue();
        long amount = cents == null ? refundable : cents;
        if (amount <= 0 || amount > refundable) {
            throw InvalidPaymentRequest.unprocessable("amount_cents", "amount_cents must be between 1 and the " + refundable
                    + " cents still refundable on " + chargeId);
        }
        String refundId = PaymentIds.newPaymentId();
        PaymentSettings.Token token = settings.token();
        BigInteger atomic = Money.atomicFromCents(amount, token.decimals());
        // the money flows back: the vendor pays the agent's wallet
        boolean inserted = ledger.insert(new NewPayment(
                new NewPayment.Identity(refundId, idempotencyKey, PaymentIds.sha256Hex(chargeId + "|" + amount), "REFUND", chargeId),
                new NewPayment.Payer(charge.tenantId(), PurchaseMode.valueOf(charge.mode()), charge.businessId(), charge.agentId(),
                        charge.taskId(), charge.mandateId(), charge.payTo()),
                new NewPayment.Resource(charge.vendorId(), charge.vendorUrl(), null, null, null, reason, null, null),
                new NewPayment.Quote(charge.x402Version(), charge.scheme(), charge.network(), charge.asset(), token.decimals(),
                        charge.payer(), atomic, amount, null, null, null),
                new NewPayment.Settlement(null, charge.facilitatorUrl(), charge.simulated())));
        if (!inserted) {
            return refund(scope, chargeId, cents, reason, idempotencyKey, actor);
        }
        if (!charge.simulated()) {
            ledger.inTransaction(refundId, tx -> {
                tx.transition(EnumSet.of(PaymentStatus.REQUESTED), PaymentStatus.REFUND_PENDING, actor,
                        "refund requested from the vendor: " + reason, new LedgerTx.Changes());
                tx.transition(chargeId, PaymentStatus.REFUNDABLE, PaymentStatus.REFUND_PENDING, actor, "refund " + refundId + " requested",
                        new LedgerTx.Changes());
                return null;
            });
            return new PaymentOutcome(steps.load(refundId), false);
        }
        JsonObject answer = askVendorForRefund(charge, refundId, atomic);
        boolean ok = answer.getBoolean("success", false);
        ledger.inTransaction(refundId, tx -> {
            if (!ok) {
                tx.transition(EnumSet.of(PaymentStatus.REQUESTED), PaymentStatus.REFUND_FAILED, "vendor",
                        "vendor refused the refund: " + answer.getString("errorReason", "unknown"), new LedgerTx.Changes()
                                .set("error_code", answer.getString("errorReason", "unknown"))
                                .json("settle_response_json", answer.toString()));
                return null;
            }
            tx.transition(EnumSet.of(PaymentStatus.REQUESTED), PaymentStatus.REFUNDED, "vendor", reason, new LedgerTx.Changes()
                    .set("tx_hash", answer.getString("transaction")).json("settle_response_json", answer.toString())
                    .now("refunded_at"));
            boolean full = amount == refundable;
            tx.transition(chargeId, PaymentStatus.REFUNDABLE, full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, actor,
                    "refund " + refundId + " of " + amount + " cents: " + reason, new LedgerTx.Changes()
                            .add("refunded_cents", amount).add("cost_cents", -amount).now("refunded_at"));
            tx.refunded(chargeId, amount);
            return null;
        });
        LOG.info("Payment " + chargeId + " refunded " + amount + " cents (" + refundId + "): " + reason);
        return new PaymentOutcome(steps.load(refundId), false);
    }

    private JsonObject askVendorForRefund(Payment charge, String refundId, BigInteger atomic) {
        Vendor vendor = settings.vendor(charge.vendorId()).orElseThrow(() -> new IllegalStateException(
                "vendor " + charge.vendorId() + " left the catalogue"));
        String body = JsonConventions.json().createObjectBuilder().add("transaction", charge.txHash()).add("amount", atomic.toString())
                .add("refund_id", refundId).build().toString();
        try {
            return X402.parse(vendors.refund(URI.create(vendor.url() + "/refunds"), body).body());
        } catch (RemoteUnavailable | FaultToleranceException | IllegalArgumentException e) {
            return JsonConventions.json().createObjectBuilder().add("success", false).add("errorReason", "vendor_unreachable").build();
        }
    }

}
