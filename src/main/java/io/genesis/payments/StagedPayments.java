package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.FacilitatorClient;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.VendorClient;
import io.genesis.payments.x402.X402;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

import java.math.BigInteger;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Staged payments for deploys: {@link #authorize} (facilitator /verify, the signed payload held), then {@link #capture}
 * (facilitator /settle) when the deploy succeeded, {@link #voidAuthorization} when it failed (never settled; budget
 * released), and {@link #refund} after capture. Each call is idempotent: repeating it on a payment already in its
 * target state returns the payment unchanged. An authorization whose open mandate was revoked is voided, not captured.
 */
@ApplicationScoped
public class StagedPayments {

    private static final Logger LOG = Logger.getLogger(StagedPayments.class.getName());

    @Inject
    PaymentService payments;

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentLedger ledger;

    @Inject
    FacilitatorClient facilitator;

    @Inject
    VendorClient vendors;

    @Inject
    PaymentSettings settings;

    @Inject
    Mandates mandates;

    @Inject
    MandateRevocations revocations;

    /** A STAGED purchase: approval as for any purchase, then authorization only. */
    public PaymentOutcome authorize(PurchaseRequest request) {
        if (request.mode() != PurchaseMode.STAGED) {
            throw PurchaseRequest.field(422, "mode", "authorize needs mode STAGED");
        }
        return payments.purchase(request);
    }

    public PaymentOutcome capture(String paymentId, String actor) {
        Payment payment = require(paymentId, PaymentStatus.CAPTURED, EnumSet.of(PaymentStatus.AUTHORIZED), "captured");
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
            throw conflict("Payment " + paymentId + " was not captured: its open mandate " + mandate.mandateId() + " was revoked by "
                    + mandate.revokedBy() + " (" + mandate.revocationReason() + "); a revoked mandate is not used for new"
                    + " transactions, so the authorization is voided and its budget released");
        }
        JsonObject payload = payment.payload().asJsonObject();
        JsonObject requirements = payment.requirements().asJsonObject();
        FacilitatorAnswer settled;
        try {
            settled = facilitator.settle(payload, requirements);
        } catch (RemoteUnavailable e) {
            ledger.inTransaction(paymentId, tx -> {
                tx.transition(PaymentSteps.SENDING, PaymentStatus.CAPTURE_UNKNOWN, "facilitator", e.getMessage(),
                        new LedgerTx.Changes().set("error_message", e.getMessage()));
                return null;
            });
            return new PaymentOutcome(steps.load(paymentId), false);
        }
        steps.settled(paymentId, PaymentSteps.SENDING, settled, "facilitator");
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    public PaymentOutcome voidAuthorization(String paymentId, String actor, String reason) {
        Payment payment = require(paymentId, PaymentStatus.VOIDED, EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.AUTHORIZED), "voided");
        if (payment.paymentStatus() == PaymentStatus.VOIDED) {
            return new PaymentOutcome(payment, true);
        }
        steps.voided(paymentId, EnumSet.of(PaymentStatus.APPROVED, PaymentStatus.AUTHORIZED), reason, actor);
        return new PaymentOutcome(steps.load(paymentId), false);
    }

    /**
     * Refunds {@code cents} (all that is left when null) of a captured charge as a new REFUND row keyed by
     * {@code idempotencyKey}. Simulated vendors send the money back at once (REFUNDED); with live vendors x402 has no
     * refund primitive, so the refund is recorded as a request to the vendor (REFUND_PENDING).
     */
    public PaymentOutcome refund(String chargeId, Long cents, String reason, String idempotencyKey, String actor) {
        Payment charge = steps.load(chargeId);
        var existing = ledger.byKey(idempotencyKey);
        if (existing.isPresent()) {
            Payment refund = steps.load(existing.get().paymentId());
            if (!chargeId.equals(refund.parentPaymentId())) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Idempotency-Key " + idempotencyKey
                        + " was used for another request (" + refund.paymentId() + ")"));
            }
            return new PaymentOutcome(refund, true);
        }
        if (!PaymentStatus.REFUNDABLE.contains(charge.paymentStatus()) || !"CHARGE".equals(charge.kind())) {
            throw conflict("Payment " + chargeId + " is " + charge.status() + "; only CAPTURED or PARTIALLY_REFUNDED charges are refunded");
        }
        long refundable = charge.capturedCents().longValue() - charge.refundedCents().longValue();
        long amount = cents == null ? refundable : cents;
        if (amount <= 0 || amount > refundable) {
            throw PurchaseRequest.field(422, "amount_cents", "amount_cents must be between 1 and the " + refundable
                    + " cents still refundable on " + chargeId);
        }
        String refundId = PaymentIds.newPaymentId();
        PaymentSettings.Token token = settings.token();
        BigInteger atomic = Money.atomicFromCents(amount, token.decimals());
        boolean inserted = ledger.insert(new PaymentLedger.NewPayment(refundId, idempotencyKey, PaymentIds.sha256Hex(chargeId + "|" + amount), "REFUND",
                chargeId, charge.tenantId(), PurchaseMode.valueOf(charge.mode()), charge.businessId(), charge.agentId(),
                charge.taskId(), charge.mandateId(), charge.vendorId(), charge.vendorUrl(), null, null, null, reason, null, null,
                charge.x402Version(), charge.scheme(), charge.network(), charge.asset(), token.decimals(), charge.payer(), charge.payTo(), atomic,
                amount, null, null, charge.facilitatorUrl(), charge.simulated(), null, null));
        if (!inserted) {
            return refund(chargeId, cents, reason, idempotencyKey, actor);
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
            return X402.parse(vendors.call("POST", URI.create(vendor.url() + "/refunds"), body, null).body());
        } catch (RemoteUnavailable | IllegalArgumentException e) {
            return JsonConventions.json().createObjectBuilder().add("success", false).add("errorReason", "vendor_unreachable").build();
        }
    }

    private Payment require(String paymentId, PaymentStatus done, Set<PaymentStatus> from, String verb) {
        Payment payment = steps.load(paymentId);
        if (payment.paymentStatus() != done && !from.contains(payment.paymentStatus())) {
            throw conflict("Payment " + paymentId + " is " + payment.status() + "; it can be " + verb + " only from " + from);
        }
        return payment;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail));
    }
}
