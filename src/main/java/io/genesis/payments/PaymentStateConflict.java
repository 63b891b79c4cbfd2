package io.genesis.payments;

/**
 * The payment or mandate is not in a state that allows the operation (capturing what is not authorized, refunding
 * what is not captured, revoking a closed mandate, capturing under a revoked mandate); the detail says which.
 */
public final class PaymentStateConflict extends PaymentFailure {

    public PaymentStateConflict(String detail) {
        super(detail);
    }
}
