package io.genesis.payments;

/**
 * An Idempotency-Key already used for a different request: nothing new was done. {@link #purchase} names the
 * earlier payment so the caller can look at it; {@link #refund} only says it exists.
 */
public final class IdempotencyConflict extends PaymentFailure {

    private final String paymentId;

    private IdempotencyConflict(String message, String paymentId) {
        super(message);
        this.paymentId = paymentId;
    }

    public static IdempotencyConflict purchase(String key, String paymentId) {
        return new IdempotencyConflict("Idempotency-Key " + key + " was used for a different purchase (" + paymentId + ")", paymentId);
    }

    public static IdempotencyConflict refund(String key, String paymentId) {
        return new IdempotencyConflict("Idempotency-Key " + key + " was used for another request (" + paymentId + ")", null);
    }

    /** The earlier payment, when the answer names it; else null. */
    public String paymentId() {
        return paymentId;
    }
}
