package io.genesis.payments;

/** No payment has that id. */
public final class PaymentNotFound extends PaymentFailure {

    public PaymentNotFound(String paymentId) {
        super("No payment " + paymentId);
    }
}
