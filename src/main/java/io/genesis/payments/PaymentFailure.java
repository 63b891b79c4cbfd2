package io.genesis.payments;

/**
 * A payments operation refused for a reason the caller can act on. Control code throws these; only the payments
 * boundary turns each kind into problem+json (its HTTP status, detail and members). {@link LedgerUnavailable} is not
 * one: a database failure is the server's, not the caller's.
 */
public abstract sealed class PaymentFailure extends RuntimeException
        permits PaymentNotFound, MandateNotFound, IdempotencyConflict, DecisionTooLate, PaymentStateConflict,
        InvalidPaymentRequest, VendorUnreachable, NoPayerWallet, PaymentsNotConfigured {

    protected PaymentFailure(String message) {
        super(message, null, false, false);
    }
}
