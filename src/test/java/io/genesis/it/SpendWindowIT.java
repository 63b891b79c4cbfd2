package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /api/payments/spend?window=}: a tenant's spend across its businesses, by vendor and by agent. */
class SpendWindowIT {

    private static final String TENANT = "spend-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> OWN = Api.bearer(DevTokens.mint("sam@" + TENANT, TENANT, List.of("tenant"), 600));

    @BeforeAll
    static void purchases() {
        Await.ready();
        String business = Payments.business();
        buy(business, Payments.VENDORS + "llm-premium/v1/complete", OWN);
        buy(business, Payments.VENDORS + "llm-premium/v1/complete", OWN);
        buy(Payments.business(), Payments.VENDORS + "stock-media/photos/42", OWN);
        String other = "spend-it-other-" + UUID.randomUUID().toString().substring(0, 8);
        buy(business, Payments.VENDORS + "stock-media/photos/7", Api.bearer(DevTokens.mint("oz@" + other, other, List.of("tenant"), 600)));
    }

    private static void buy(String business, String url, Map<String, String> token) {
        Map<String, String> headers = new HashMap<>(token);
        headers.put("Idempotency-Key", Payments.key());
        Api.Reply reply = Api.post("/api/payments", Payments.body(business, "research_agent", url, "research material"), headers);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("CAPTURED", reply.json().getString("status"), reply.body());
    }

    @Test
    void theTenantsSpendOverTheWindowByVendorAndAgent() {
        Api.Reply reply = Api.get("/api/payments/spend?window=hour", OWN);
        assertEquals(200, reply.status(), reply.body());
        JsonObject spend = reply.json();
        assertEquals(TENANT, spend.getString("tenant_id"));
        assertEquals(3, spend.getInt("approved_intents"));
        assertEquals(0, new BigDecimal("3.50").compareTo(spend.getJsonNumber("total_spent").bigDecimalValue()), spend.toString());
        JsonObject vendors = spend.getJsonObject("vendor_breakdown");
        assertEquals(List.of("stock-media", "llm-premium"), List.copyOf(vendors.keySet()), "largest first");
        assertEquals(0, new BigDecimal("3.00").compareTo(vendors.getJsonNumber("stock-media").bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.50").compareTo(vendors.getJsonNumber("llm-premium").bigDecimalValue()));
        assertEquals(0, new BigDecimal("3.50").compareTo(spend.getJsonObject("agent_breakdown").getJsonNumber("research_agent").bigDecimalValue()));

        JsonObject asOperator = Api.get("/api/payments/spend?window=week&tenant_id=" + TENANT).json();
        assertEquals(spend.getJsonObject("vendor_breakdown"), asOperator.getJsonObject("vendor_breakdown"));
    }

    @Test
    void badWindowsAndOtherTenantsAreRefused() {
        assertEquals("window", Problems.of(Api.get("/api/payments/spend?window=year", OWN), 400).getString("field"));
        Problems.of(Api.get("/api/payments/spend?tenant_id=someone-else", OWN), 403);
        assertEquals(401, Api.get("/api/payments/spend", Api.anonymous()).status());
    }
}
