package io.genesis.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A vendor failing for a while, through the simulator's failure switch ({@code /sim/x402/vendors/<vendor>/outage}): the
 * purchases of the tasks that buy from it fail their attempts and are retried; a vendor down past the retries
 * dead-letters the task and fails the business with a reason that names the vendor; a vendor back within the retries
 * lets the business succeed with the purchase paid once. Never a business left running. (IT server: the deploy agent
 * retries every 0.2 s, 3 attempts; the builder every 5 s, 4 attempts.)
 */
class VendorOutageIT {

    private static final String BUSINESS = "{\"business_type\":\"landing_page_waitlist\"}";
    private static final Duration BUSINESS_ENDS = Duration.ofSeconds(120);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aVendorDownLongerThanTheRetriesDeadLettersItsPurchaseAndFailsTheBusinessNamingTheVendor() throws Exception {
        open("domains");
        String id;
        JsonObject window;
        try {
            id = Businesses.create(BUSINESS);
            awaitEnd(id);
            window = outage("domains").json();
        } finally {
            close("domains");
        }
        JsonObject business = Businesses.get(id);
        assertEquals("FAILED", business.getString("status"));
        String reason = business.getString("error_message");
        assertTrue(reason.contains("(deploy_agent)") && reason.contains("vendor domains") && reason.contains("503"), reason);
        JsonObject deploy = tasksOf(business).stream().filter(t -> "deploy_agent".equals(t.getString("agent", ""))).findFirst().orElseThrow();
        assertEquals("failed", deploy.getString("status"));
        JsonObject runtime = Api.get("/api/tasks/" + deploy.getString("runtime_task_id")).json();
        assertEquals("dead_lettered", runtime.getString("status"), runtime.toString());
        assertEquals(3, runtime.getInt("attempts"), "every attempt the deploy agent has");
        JsonArray history = runtime.getJsonArray("history");
        assertEquals(3, history.size(), history.toString());
        history.forEach(attempt -> assertTrue(attempt.asJsonObject().getString("error").contains("vendor domains"), attempt.toString()));
        assertTrue(window.getInt("refused") >= 3, "each attempt asked the vendor: " + window);
        assertEquals(0, Payments.count("SELECT COUNT(*) FROM x402_payments WHERE business_id = ? AND vendor_id = 'domains'", id),
                "a vendor that never quoted was never paid");
        Ledger.assertConsistent(List.of(id));
    }

    @Test
    void aVendorBackWithinTheRetriesLetsTheBusinessSucceedWithThePurchasePaidOnce() throws Exception {
        open("llm-premium");
        String id;
        try {
            id = Businesses.create(BUSINESS);
            Await.until("a purchase from llm-premium refused", BUSINESS_ENDS, () -> outage("llm-premium").json().getInt("refused"),
                    refused -> refused >= 1);
        } finally {
            close("llm-premium");
        }
        awaitEnd(id);
        JsonObject business = Businesses.get(id);
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        JsonObject retried = tasksOf(business).stream().filter(t -> t.getInt("attempts", 0) > 1).findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + id + " needed a second attempt"));
        String runtimeId = retried.getString("runtime_task_id");
        JsonArray history = Api.get("/api/tasks/" + runtimeId).json().getJsonArray("history");
        assertTrue(history.stream().anyMatch(a -> a.asJsonObject().getString("error").contains("vendor llm-premium")
                && a.asJsonObject().getString("error").contains("503")), history.toString());
        assertEquals(1, Payments.count("SELECT COUNT(*) FROM x402_payments WHERE task_id = ? AND status = 'CAPTURED'", runtimeId),
                "the purchase paid once, on the attempt after the vendor came back");
        Ledger.assertConsistent(List.of(id));
    }

    @Test
    void theSwitchRefusesWhatItCannotDoAndOtherVendorsKeepServing() {
        assertEquals(400, Api.put(path("stock-media"), "{\"status\":200,\"seconds\":60}", Api.anonymous()).status());
        assertEquals(400, Api.put(path("stock-media"), "{\"status\":503}", Api.anonymous()).status());
        assertEquals(400, Api.put(path("stock-media"), "{\"seconds\":86401}", Api.anonymous()).status());
        assertEquals(400, Api.put(path("stock-media"), "{\"seconds\":60,\"colour\":1}", Api.anonymous()).status());
        assertEquals(400, Api.put(path("stock-media"), "[1]", Api.anonymous()).status());
        assertEquals(404, Api.put(path("no-such-vendor"), "{\"seconds\":60}", Api.anonymous()).status());
        assertEquals(404, outage("stock-media").status(), "nothing opened");
        open("stock-media");
        try {
            assertEquals(503, Api.get("/sim/x402/vendors/stock-media/photos/1", Api.anonymous()).status());
            assertEquals(402, Api.get("/sim/x402/vendors/llm-premium/v1/complete", Api.anonymous()).status(), "other vendors quote");
        } finally {
            close("stock-media");
        }
        assertEquals(402, Api.get("/sim/x402/vendors/stock-media/photos/1", Api.anonymous()).status(), "quotes again once closed");
        assertEquals(404, Api.delete(path("stock-media"), Api.anonymous()).status(), "nothing left to close");
    }

    private static void open(String vendor) {
        Api.Reply opened = Api.put(path(vendor), "{\"status\":503,\"seconds\":600}", Api.anonymous());
        assertEquals(200, opened.status(), opened.body());
        assertEquals(503, opened.json().getInt("status"));
    }

    private static void close(String vendor) {
        Api.delete(path(vendor), Api.anonymous());
    }

    private static Api.Reply outage(String vendor) {
        return Api.get(path(vendor), Api.anonymous());
    }

    private static String path(String vendor) {
        return "/sim/x402/vendors/" + vendor + "/outage";
    }

    private static void awaitEnd(String id) {
        Await.until(id + " ended", BUSINESS_ENDS, () -> Businesses.get(id).getString("status"), Businesses.TERMINAL::contains);
    }

    private static List<JsonObject> tasksOf(JsonObject business) {
        return business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject).toList();
    }
}
