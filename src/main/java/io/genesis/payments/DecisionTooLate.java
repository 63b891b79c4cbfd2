package io.genesis.payments;

/**
 * A human decision on a payment that no longer awaits one, saying why: its approval timed out, it was denied
 * (for instance under a revoked mandate), or someone else decided it first.
 */
public final class DecisionTooLate extends PaymentFailure {

    private final String paymentId;
    private final String paymentStatus;

    public DecisionTooLate(Payment payment) {
        super(detail(payment));
        this.paymentId = payment.paymentId();
        this.paymentStatus = payment.status();
    }

    private static String detail(Payment payment) {
        String id = payment.paymentId();
        if (ApprovalTimeout.timedOut(payment)) {
            return "Payment " + id + " expired: " + payment.errorMessage() + ". Purchase again to ask anew";
        }
        return "Payment " + id + " is " + payment.status() + (payment.paymentStatus() == PaymentStatus.DENIED
                && payment.errorMessage() != null ? " (" + payment.errorMessage() + ")" : "")
                + "; only PENDING_APPROVAL payments take a decision";
    }

    public String paymentId() {
        return paymentId;
    }

    public String paymentStatus() {
        return paymentStatus;
    }
}
