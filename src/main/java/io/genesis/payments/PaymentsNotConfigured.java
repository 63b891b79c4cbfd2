package io.genesis.payments;

/**
 * Payments cannot run as configured: simulated mode while simulation is off (production configuration that never chose
 * live mode). A configuration gap of the server, not a client error.
 */
public final class PaymentsNotConfigured extends PaymentFailure {

    public PaymentsNotConfigured(String detail) {
        super(detail);
    }
}
