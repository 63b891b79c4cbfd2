package io.genesis.it;

import io.genesis.payments.chain.JsonRpcStub;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live payments whose settlement answer was lost, reconciled on chain by the sweeper through
 * {@code genesis.payments.rpc-url}, which the IT server points at a JSON-RPC chain stub in this JVM. The IT server pays
 * in simulation, so each test authorizes a staged purchase (its budget really reserved) and then turns it, in SQL, into
 * what a live payment looks like after a lost answer: CAPTURE_UNKNOWN, {@code simulated = false}, last touched a
 * while ago.
 */
class LiveSettlementReconciliationIT {

    private static final String LLM = Payments.VENDORS + "llm-premium/v1/complete";
    private static final String AGENT = "email_agent";
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static JsonRpcStub chain;

    @BeforeAll
    static void start() throws IOException {
        Await.ready();
        chain = JsonRpcStub.start(Integer.getInteger("genesis.it.rpc.port", 18545), 84532);
    }

    @AfterAll
    static void stop() {
        if (chain != null) {
            chain.close();
        }
    }

    /** A staged purchase, authorized, then made to look like a live payment whose settlement answer never came. */
    private static Map<String, Object> lostLiveSettlement(String purpose, long validBefore) throws SQLException {
        JsonObject authorized = Payments.buy(Payments.body(Payments.business(), AGENT, LLM, purpose, "STAGED", "{\"mail\":1}"));
        assertEquals("AUTHORIZED", authorized.getString("status"), authorized.toString());
        String id = authorized.getString("payment_id");
        try (Connection db = Database.connect(); PreparedStatement lose = db.prepareStatement("""
                UPDATE x402_payments SET status = 'CAPTURE_UNKNOWN', simulated = FALSE, valid_before = ?,
                    updated_at = now() - interval '5 minutes' WHERE id = ? AND status = 'AUTHORIZED'""")) {
            lose.setLong(1, validBefore);
            lose.setString(2, id);
            assertEquals(1, lose.executeUpdate());
        }
        return Payments.row(id);
    }

    @Test
    void aLostAnswerWaitsWhileTheAuthorizationIsValidAndIsCapturedOnceTheChainShowsItsNonceUsed() throws SQLException {
        long now = Instant.now().getEpochSecond();
        chain.head(31_000_000, now);
        long before = PaymentsIT.committedToday(AGENT);
        Map<String, Object> row = lostLiveSettlement("newsletter send, answer lost", now + 600);
        String id = row.get("id").toString();
        String nonce = row.get("auth_nonce").toString().trim();
        assertEquals(before + 25, PaymentsIT.committedToday(AGENT), "held while unknown");

        Await.until("the sweeper to ask the chain about " + nonce, DEADLINE, () -> chain.askedAbout(nonce), asked -> asked);
        assertEquals("CAPTURE_UNKNOWN", Payments.get(id).getString("status"), "unused but still valid: wait");

        String transaction = "0x" + "5e".repeat(32);
        chain.use(row.get("payer").toString(), nonce, transaction);
        JsonObject captured = Await.until("the payment to be reconciled as captured", DEADLINE, () -> Payments.get(id),
                p -> p.getString("status").equals("CAPTURED"));
        assertEquals(transaction, captured.getString("tx_hash"), "found in the AuthorizationUsed log");
        assertTrue(captured.getJsonObject("settle_response").getBoolean("reconciled"));
        assertEquals(before + 25, PaymentsIT.committedToday(AGENT), "the reservation became spend");
        JsonArray events = captured.getJsonArray("events");
        JsonObject last = events.getJsonObject(events.size() - 1);
        assertEquals("CAPTURE_UNKNOWN", last.getString("from_status"));
        assertEquals("payment-sweeper", last.getString("actor"));
    }

    @Test
    void aLostAnswerWhoseAuthorizationIsUnusedPastValidBeforeIsVoidedAndItsBudgetReleased() throws SQLException {
        long now = Instant.now().getEpochSecond();
        chain.head(31_000_100, now);
        long before = PaymentsIT.committedToday(AGENT);
        String id = lostLiveSettlement("newsletter send, never settled", now - 60).get("id").toString();
        assertEquals(before + 25, PaymentsIT.committedToday(AGENT));
        JsonObject voided = Await.until("the payment to be reconciled as voided", DEADLINE, () -> Payments.get(id),
                p -> p.getString("status").equals("VOIDED"));
        assertTrue(voided.getString("error_message").contains("unused on chain at block 31000100"), voided.getString("error_message"));
        assertEquals(before, PaymentsIT.committedToday(AGENT), "a payment that never settled gives its budget back");
        assertFalse(voided.containsKey("tx_hash"), voided.toString());
    }
}
