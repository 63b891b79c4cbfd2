package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payments nobody decides: the IT server lets an approval wait 0.15 minutes (pom.xml), after which the sweeper
 * expires it, gives its budget back, and a late decision or a task waiting on it gets a final answer. The three tests
 * wait out that timeout at the same time (each its own payment, of its own agent, so no budget is shared).
 */
class ApprovalTimeoutIT {

    /** $60: above the Meta-Agent's $50, so a human must decide. */
    private static final String FOR_A_HUMAN = Payments.VENDORS + "llm-premium/v1/complete?quote_cents=6000";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aPendingApprovalExpiresAndItsBudgetComesBack() throws SQLException {
        String agent = "frontend_agent";
        String business = Payments.business();
        long before = PaymentsIT.committedToday(agent);
        JsonObject pending = Payments.buy(Payments.body(business, agent, FOR_A_HUMAN, "design system licence"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        String id = pending.getString("payment_id");
        // the IT server's approval timeout is 0.15 minutes: 9 s after the payment's last change
        assertEquals(java.time.Instant.parse(pending.getString("updated_at")).plusSeconds(9),
                java.time.Instant.parse(pending.getString("approval_expires_at")));
        assertEquals(before + 6000, PaymentsIT.committedToday(agent), "the budget is held while a human is asked");
        assertEquals(6000, committedForBusiness(business));

        JsonObject expired = awaitStatus(id, "EXPIRED");
        assertEquals("APPROVAL_TIMEOUT", expired.getString("error_code"));
        assertEquals("EXPIRED_PAYMENT", expired.getString("error_category"));
        assertEquals("payment-failed", expired.getString("x402_status"));
        JsonObject last = expired.getJsonArray("events").getJsonObject(expired.getJsonArray("events").size() - 1);
        assertEquals("PENDING_APPROVAL", last.getString("from_status"));
        assertEquals("EXPIRED", last.getString("to_status"));
        assertEquals("approval-timeout", last.getString("actor"), "who expired it");
        assertEquals("approval timed out after 0.15 minutes", last.getString("reason"), "and why");

        assertEquals(before, PaymentsIT.committedToday(agent), "the agent's day gets its budget back");
        assertEquals(0, committedForBusiness(business), "so does the business");
        assertEquals(1, Payments.count("SELECT count(*) FROM spend_reservations WHERE payment_id = ? AND state = 'RELEASED'", id));
        assertEquals(1, Payments.count("SELECT count(*) FROM payment_events WHERE payment_id = ? AND to_status = 'EXPIRED'", id),
                "expired once, whatever the number of sweeps");
        JsonObject summary = Api.get("/api/businesses/" + business + "/spend").json();
        assertEquals(0, summary.getInt("pending_intents"), summary.toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aDecisionAfterTheTimeoutIsAConflictSayingThePaymentExpired() {
        String id = Payments.buy(Payments.body(Payments.business(), "backend_agent", FOR_A_HUMAN, "icon set")).getString("payment_id");
        awaitStatus(id, "EXPIRED");
        JsonObject late = Problems.of(Api.post("/api/payments/" + id + "/decision",
                "{\"decision\":\"approve\",\"decided_by\":\"alice@ops\",\"rationale\":\"back from lunch\"}"), 409);
        assertTrue(late.getString("detail").contains("expired") && late.getString("detail").contains("approval timed out after 0.15 minutes"),
                late.getString("detail"));
        assertEquals("EXPIRED", late.getString("payment_status"));
        JsonObject after = Payments.get(id);
        assertEquals("EXPIRED", after.getString("status"), "a late approval pays nothing");
        assertTrue(after.getJsonArray("decisions").stream().map(JsonValue::asJsonObject)
                .noneMatch(d -> "HUMAN".equals(d.getString("approval_mode"))), "and is not recorded as a decision");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aTaskWaitingOnAnApprovalThatTimesOutFailsForGood() throws SQLException {
        String business = Payments.business();
        String taskId = Tasks.publish("{\"topic\":\"genesis.architect\",\"business_id\":\"" + business + "\",\"content\":{\"purchase\":"
                + "{\"vendor_url\":\"" + FOR_A_HUMAN + "\",\"purpose\":\"architecture review by an expert model\"}}}");
        JsonObject done = Await.until("task " + taskId + " to end", Duration.ofSeconds(90), () -> Tasks.state(taskId),
                state -> Set.of("completed", "failed", "dead_lettered").contains(state.getString("status")));
        assertEquals("failed", done.getString("status"), "a final answer, not retried into the dead-letter queue: " + done);
        assertTrue(done.getString("error").contains("expired awaiting approval"), done.getString("error"));
        assertEquals(1, Payments.count("SELECT count(*) FROM x402_payments WHERE task_id = ?", taskId),
                "one request to a human, not one per attempt");
    }

    private static JsonObject awaitStatus(String paymentId, String status) {
        return Await.until("payment " + paymentId + " " + status, DEADLINE, () -> Payments.get(paymentId),
                payment -> status.equals(payment.getString("status")));
    }

    private static long committedForBusiness(String business) {
        try {
            return Payments.count("SELECT COALESCE(SUM(committed_cents), 0)::bigint FROM business_spend WHERE business_id = ?", business);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
