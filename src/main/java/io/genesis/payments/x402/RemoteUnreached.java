package io.genesis.payments.x402;

/**
 * A vendor or facilitator could not be reached at all (connection refused, connect timeout): the request was never
 * sent, so nothing can have been paid or settled by it. The only failure a payment-carrying call is retried on.
 */
public class RemoteUnreached extends RemoteUnavailable {

    public RemoteUnreached(String message) {
        super(message);
    }
}
