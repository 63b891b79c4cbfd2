package io.genesis.payments.x402;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A vendor or facilitator could not be reached at all (connection refused, connect timeout): the request was never
 * sent, so nothing can have been paid or settled by it. The only failure a payment-carrying call is retried on.
 */
public class RemoteUnreached extends RemoteUnavailable {

    public RemoteUnreached(String message) {
        super(message);
    }

    /**
     * Whether a failed vendor or facilitator call certainly sent nothing: the connection was never made, or fault
     * tolerance refused the call before it left (an open circuit, a full bulkhead). Anything else may have arrived.
     */
    public static boolean nothingSent(Throwable failure) {
        return failure instanceof RemoteUnreached || failure instanceof CircuitBreakerOpenException
                || failure instanceof BulkheadException;
    }
}
