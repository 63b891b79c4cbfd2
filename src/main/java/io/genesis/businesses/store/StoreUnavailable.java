package io.genesis.businesses.store;

/** PostgreSQL failed under a businesses operation; nothing of that transaction was kept. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(Exception cause) {
        super("business store unavailable: " + cause.getMessage(), cause);
    }
}
