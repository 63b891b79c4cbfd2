package io.genesis.payments;

/** PostgreSQL failed under a payments operation; nothing of that transaction was kept. */
public class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(Exception cause) {
        super("payments ledger unavailable: " + cause.getMessage(), cause);
    }
}
