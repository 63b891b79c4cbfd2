package io.genesis.payments.x402;

/**
 * A vendor or facilitator gave no usable answer (timeout, broken connection, unreadable body): the request may have
 * been received. {@link RemoteUnreached} when it certainly was not.
 */
public class RemoteUnavailable extends RuntimeException {

    public RemoteUnavailable(String message) {
        super(message, null, false, false);
    }
}
