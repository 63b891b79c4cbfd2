package io.genesis.payments;

/** The result of a payments operation: the payment as it now stands, and whether an earlier result was replayed. */
public record PaymentOutcome(Payment payment, boolean replayed) {
}
