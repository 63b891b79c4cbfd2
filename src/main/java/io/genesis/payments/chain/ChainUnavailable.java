package io.genesis.payments.chain;

/** The JSON-RPC endpoint gave no usable answer (no connection, timeout, an error object, an unreadable result). */
public class ChainUnavailable extends RuntimeException {

    public ChainUnavailable(String message) {
        super(message, null, false, false);
    }
}
