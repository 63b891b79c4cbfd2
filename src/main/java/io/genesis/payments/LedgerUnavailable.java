package io.genesis.payments;

import java.sql.SQLException;

/** PostgreSQL failed under a payments operation; nothing of that transaction was kept. */
public class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(SQLException cause) {
        super("payments ledger unavailable: " + cause.getMessage(), cause);
    }
}
