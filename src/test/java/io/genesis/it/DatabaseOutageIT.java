package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonValue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL down is an outage the caller can wait out: 503 with Retry-After on reads and writes, never a 500; and work
 * in flight waits for it instead of failing: businesses running when it stops finish once it returns, and a payment
 * refused meanwhile is made once when asked again.
 */
class DatabaseOutageIT {

    private static final String NEW_BUSINESS = "{\"business_type\":\"saas_tool\"}";
    private static final String SLOW_BUSINESS = "{\"business_type\":\"saas_tool\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":300}}}}";
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(60);
    /** Longer than the Meta-Agent's own retries (2 attempts, 5 s apart): an outage its retries alone would not outlast. */
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(15);

    @BeforeEach
    void serverIsReady() {
        Await.ready();
    }

    @Test
    void readsAndWritesAnswer503WithRetryAfterWhilePostgresqlIsDownAndWorkAgainAfter() throws IOException {
        String business = Businesses.create(NEW_BUSINESS);
        ItServices.services().stopPostgres();
        try {
            Api.Reply read = Await.until("a business read answers 503", OUTAGE_NOTICED,
                    () -> Api.get("/api/businesses/" + business), reply -> reply.status() != 200);
            assertOutage(read);
            assertOutage(Api.get("/api/tasks/no-such-task-in-redis"));
            assertOutage(Api.post("/api/businesses", NEW_BUSINESS));
        } finally {
            ItServices.services().startPostgres(false);
        }
        Await.until("the business read works again", OUTAGE_NOTICED, () -> Api.get("/api/businesses/" + business),
                reply -> reply.status() == 200);
        assertEquals(202, Api.post("/api/businesses", NEW_BUSINESS).status());
        assertEquals(404, Api.get("/api/tasks/no-such-task-in-redis").status());
    }

    @Test
    void businessesAndPaymentsInFlightWaitOutAnOutageLongerThanTheirRetriesAndFinishOnceWhenItReturns() throws Exception {
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(Businesses.create(SLOW_BUSINESS));
        }
        for (String id : running) {
            Await.until(id + " executing", OUTAGE_NOTICED, () -> Businesses.get(id), b -> completedTasks(b) >= 2);
        }
        String intakeKey = "outage-" + UUID.randomUUID();
        String paymentKey = Payments.key();
        String buyer = Payments.business();
        String purchase = Payments.body(buyer, "research_agent", Payments.VENDORS + "llm-premium/v1/complete", "outage");
        for (String id : running) {
            assertFalse(Businesses.TERMINAL.contains(Businesses.get(id).getString("status")), id + " still running when PostgreSQL stops");
        }
        long waitsBefore = outageWaits();
        ItServices.services().stopPostgres();
        try {
            Api.Reply intake = Await.until("intake answers 503", OUTAGE_NOTICED,
                    () -> Api.post("/api/businesses", NEW_BUSINESS, Map.of("Idempotency-Key", intakeKey)), reply -> reply.status() != 202);
            assertOutage(intake);
            assertOutage(Payments.post(purchase, paymentKey));
            Thread.sleep(LONG_OUTAGE.toMillis()); // the outage itself: the businesses' tasks and notices keep finishing meanwhile
        } finally {
            ItServices.services().startPostgres(false);
        }
        assertTrue(outageWaits() > waitsBefore, "the Meta-Agent's notices met the outage and waited it out");
        for (String id : running) {
            Await.until(id + " terminal (status)", Duration.ofSeconds(120), () -> Businesses.get(id).getString("status"),
                    Businesses.TERMINAL::contains);
            JsonObject business = Businesses.get(id);
            assertEquals("SUCCESS", business.getString("status"), id + ": " + business.get("error_message"));
            assertEquals(business.getJsonArray("task_results").size(), completedTasks(business), id + ": every task completed");
        }
        assertEquals(List.of(), Ledger.rows("""
                SELECT t.business_id || ' ' || t.task_id FROM business_tasks t
                LEFT JOIN omnidaemon_task_results r ON r.task_id = t.runtime_task_id
                WHERE t.business_id = ANY (?) AND r.task_id IS NULL""", running.toArray(String[]::new)),
                "every task of every business has its result row");

        Api.Reply afterIntake = Api.post("/api/businesses", NEW_BUSINESS, Map.of("Idempotency-Key", intakeKey));
        assertEquals(202, afterIntake.status(), afterIntake.body());
        assertNull(afterIntake.header("Idempotent-Replayed"), "the refused intake stored nothing under its key");
        Api.Reply paid = Payments.post(purchase, paymentKey);
        assertEquals(201, paid.status(), paid.body());
        assertNull(paid.header("Idempotent-Replayed"), "the refused payment stored nothing under its key");
        assertEquals("CAPTURED", paid.json().getString("status"), paid.body());
        assertEquals(1, Payments.count("SELECT COUNT(*) FROM x402_payments WHERE idempotency_key = ?", paymentKey));
        List<String> all = new ArrayList<>(running);
        all.add(buyer);
        Ledger.assertConsistent(all);
    }

    /** Attempts of Meta-Agent messages that met an outage and were not counted (the topic's cluster-wide counter). */
    private static long outageWaits() {
        String waits = Tasks.redis().hget("omni:metrics:{genesis.meta.orchestrate}", "outage_waits");
        return waits == null ? 0 : Long.parseLong(waits);
    }

    private static long completedTasks(JsonObject business) {
        return business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("status").equals("completed")).count();
    }

    private static void assertOutage(Api.Reply reply) {
        JsonObject problem = Problems.of(reply, 503);
        assertEquals("postgresql", problem.getString("dependency"), problem.toString());
        assertTrue(problem.getString("detail").contains("PostgreSQL"), problem.toString());
        String retryAfter = reply.header("Retry-After");
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) > 0, "Retry-After: " + retryAfter);
    }
}
