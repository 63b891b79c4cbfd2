package io.genesis.payments;

/** No payment mandate has that id. */
public final class MandateNotFound extends PaymentFailure {

    public MandateNotFound(String mandateId) {
        super("No payment mandate " + mandateId);
    }
}
