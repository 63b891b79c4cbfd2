package io.genesis.payments.x402;

/** A vendor or facilitator gave no usable answer (connection refused, timeout, unreadable body). */
public class RemoteUnavailable extends RuntimeException {

    public RemoteUnavailable(String message) {
        super(message, null, false, false);
    }
}
