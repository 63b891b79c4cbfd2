package io.genesis.payments;

import java.util.EnumSet;
import java.util.Set;

/**
 * The payment state machine (docs/payments.md), with the a2a-x402 {@code x402.payment.status} of each state.
 * Stripe analogues: AUTHORIZED = requires_capture, CAPTURED = succeeded, VOIDED / EXPIRED = canceled.
 */
public enum PaymentStatus {
    REQUESTED("payment-required"),
    DENIED("payment-rejected"),
    PENDING_APPROVAL("payment-required"),
    APPROVED("payment-submitted"),
    AUTHORIZED("payment-verified"),
    CAPTURING("payment-verified"),
    CAPTURE_UNKNOWN("payment-verified"),
    CAPTURED("payment-completed"),
    VOIDED("payment-rejected"),
    EXPIRED("payment-failed"),
    FAILED("payment-failed"),
    REFUND_PENDING("payment-completed"),
    REFUNDED("payment-completed"),
    PARTIALLY_REFUNDED("payment-completed"),
    REFUND_FAILED("payment-completed");

    /** States a captured charge can be refunded from. */
    public static final Set<PaymentStatus> REFUNDABLE = EnumSet.of(CAPTURED, PARTIALLY_REFUNDED);

    private final String x402Status;

    PaymentStatus(String x402Status) {
        this.x402Status = x402Status;
    }

    public String x402Status() {
        return x402Status;
    }
}
