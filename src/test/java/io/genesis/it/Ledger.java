package io.genesis.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The payments ledger of some businesses read straight from PostgreSQL, checked for what a chaos run must never leave:
 * a task charged twice, money moved on the simulated chain without a captured payment (or twice for one), a payment
 * stuck half-way, or a budget reservation that disagrees with its payment.
 */
final class Ledger {

    private Ledger() {
    }

    /** Every invariant at once; the message lists the offending rows. */
    static void assertConsistent(List<String> businesses) throws SQLException {
        String[] ids = businesses.toArray(String[]::new);
        assertEquals(List.of(), rows("""
                SELECT business_id || ' ' || task_id || ': ' || COUNT(*) || ' captured charges'
                FROM x402_payments WHERE business_id = ANY (?) AND kind = 'CHARGE' AND captured_cents > 0
                GROUP BY business_id, task_id HAVING COUNT(*) > 1""", ids), "no task paid twice");
        assertEquals(List.of(), rows("""
                SELECT p.id || ' ' || p.status || ': ' || COUNT(t.tx_hash) || ' transfers'
                FROM x402_payments p LEFT JOIN x402_sim_transfers t ON t.kind = 'TRANSFER' AND lower(t.auth_nonce) = lower(p.auth_nonce)
                WHERE p.business_id = ANY (?) AND p.kind = 'CHARGE'
                GROUP BY p.id, p.status
                HAVING COUNT(t.tx_hash) <> CASE WHEN p.status IN ('CAPTURED', 'REFUNDED', 'PARTIALLY_REFUNDED') THEN 1 ELSE 0 END""",
                ids), "money moved on the chain exactly for the captured payments, once each");
        assertEquals(List.of(), rows("""
                SELECT id || ' left ' || status FROM x402_payments
                WHERE business_id = ANY (?) AND status IN ('REQUESTED', 'APPROVED', 'AUTHORIZED', 'CAPTURING', 'CAPTURE_UNKNOWN')""",
                ids), "no payment of a finished business is left half-way");
        assertEquals(List.of(), rows("""
                SELECT p.id || ' ' || p.status || ' reservation ' || COALESCE(r.state, 'none') || ' ' || COALESCE(r.cents::text, '')
                FROM x402_payments p LEFT JOIN spend_reservations r ON r.payment_id = p.id
                WHERE p.business_id = ANY (?) AND p.kind = 'CHARGE' AND (
                    (p.status = 'CAPTURED' AND (r.state IS DISTINCT FROM 'COMMITTED' OR r.cents <> p.captured_cents))
                    OR (p.status IN ('VOIDED', 'FAILED', 'DENIED', 'EXPIRED') AND r.state = 'HELD'))""", ids),
                "each reservation agrees with its payment");
    }

    static List<String> rows(String sql, String[] ids) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf("varchar", ids));
            List<String> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
            return out;
        }
    }
}
