package io.genesis.payments;

import io.genesis.payments.store.LedgerTx;
import io.genesis.payments.store.PaymentLedger;
import io.genesis.payments.x402.FacilitatorAnswer;
import io.genesis.payments.x402.FacilitatorClient;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.RemoteUnreached;
import io.genesis.payments.x402.VendorClient;
import io.genesis.payments.x402.X402;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * Pays an APPROVED payment in its mode. ONE_SHOT sends the signed payment to the vendor, which serves and settles:
 * CAPTURED on its settlement answer, FAILED when it refuses, VOIDED when serving failed (the vendor never settles
 * then) or the vendor was never reached, CAPTURE_UNKNOWN when the request may have arrived but no answer came (the
 * sweeper reconciles). STAGED only authorizes at the facilitator
 * ({@code /verify}) and leaves capture, void or refund to {@link StagedPayments}.
 */
@ApplicationScoped
public class PaymentExecution {

    @Inject
    PaymentSteps steps;

    @Inject
    PaymentLedger ledger;

    @Inject
    VendorClient vendors;

    @Inject
    FacilitatorClient facilitator;

    void execute(String paymentId) {
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
        } catch (RemoteUnavailable | FaultToleranceException e) {
            steps.fail(payment.paymentId(), approved, "unexpected_verify_error", String.valueOf(e.getMessage()), "facilitator",
                    signed.changes());
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
            reply = vendors.pay(payment.httpMethod(), URI.create(payment.vendorUrl()), payment.requestBody() == null ? null
                    : payment.requestBody().toString(), header);
        } catch (RemoteUnavailable | FaultToleranceException e) {
            if (RemoteUnreached.nothingSent(e)) {
                steps.voided(paymentId, PaymentSteps.SENDING, "vendor not reached, nothing was sent: " + e.getMessage(), "vendor");
                return;
            }
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
}
