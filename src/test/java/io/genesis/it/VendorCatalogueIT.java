package io.genesis.it;

import io.genesis.payments.evm.EvmAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/payments/vendors}: the catalogue as configured, including a vendor the IT server adds with its URL and
 * lower-case pay-to only ({@code it-extra}, see the pom), whose price then comes from its own 402 quote.
 */
class VendorCatalogueIT {

    private static final String EXTRA_PAY_TO = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    private static Map<String, JsonObject> catalogue(String token) {
        Api.Reply reply = Api.get("/api/payments/vendors", Api.bearer(token));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(reply.json().getInt("count"), reply.json().getJsonArray("vendors").size());
        return reply.json().getJsonArray("vendors").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(v -> v.getString("id"), Function.identity()));
    }

    private static List<String> agents(JsonObject vendor) {
        return vendor.getJsonArray("agents").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void everyRoleSeesTheCatalogueWithEip55AddressesAndWhoMayPay() {
        for (String role : List.of("tenant", "approver", "operator")) {
            Map<String, JsonObject> vendors = catalogue(DevTokens.mint("v-" + role, "acme", List.of(role), 600));
            assertEquals(List.of("ads", "domains", "gpu-runs", "it-extra", "llm-premium", "stock-media"), vendors.keySet().stream().sorted().toList());
            for (JsonObject vendor : vendors.values()) {
                String payTo = vendor.getString("pay_to");
                assertEquals(EvmAddress.checksummed(payTo), payTo, vendor.toString());
            }
            JsonObject llm = vendors.get("llm-premium");
            assertEquals("Premium LLM API", llm.getString("name"));
            assertEquals("llm_api", llm.getString("category"));
            assertEquals(Payments.VENDORS + "llm-premium", llm.getString("url"));
            assertEquals(2, llm.getInt("x402_version"));
            assertEquals(25, llm.getInt("price_cents"));
            assertTrue(llm.getBoolean("simulated"));
            assertTrue(llm.getBoolean("default_whitelist"));
            assertTrue(agents(llm).containsAll(List.of("builder_agent", "research_agent", "genesis_meta_agent", "support_agent")),
                    "own whitelists and the default list: " + llm);
            assertFalse(agents(llm).contains("analytics_agent"), "analytics_agent has a whitelist of its own without llm-premium");

            JsonObject ads = vendors.get("ads");
            assertFalse(ads.getBoolean("default_whitelist"));
            assertEquals(List.of("marketing_agent", "seo_agent"), agents(ads));
        }
    }

    @Test
    void aVendorAddedWithUrlAndPayToOnlyIsCataloguedAndPricedByItsOwnQuote() throws Exception {
        JsonObject extra = Api.get("/api/payments/vendors/it-extra").json();
        assertEquals("it-extra", extra.getString("name"), "the name defaults to the id");
        assertEquals("uncategorised", extra.getString("category"));
        assertEquals(EXTRA_PAY_TO, extra.getString("pay_to"), "configured lower-case, shown in EIP-55 form");
        assertFalse(extra.containsKey("price_cents"), "no configured price: " + extra);
        assertEquals(List.of("analytics_agent"), agents(extra));

        JsonObject payment = Payments.buy(Payments.body(Payments.business(), "analytics_agent",
                Payments.VENDORS + "it-extra/reports/weekly?quote_cents=40", "weekly market report"));
        assertEquals("CAPTURED", payment.getString("status"), payment.toString());
        assertEquals("it-extra", payment.getString("vendor_id"));
        assertEquals(0, new BigDecimal("40").compareTo(payment.getJsonNumber("cost_cents").bigDecimalValue()), "priced by the 402 quote");
        assertTrue(EvmAddress.same(EXTRA_PAY_TO, payment.getString("pay_to")), payment.getString("pay_to"));
    }

    @Test
    void anUnknownVendorIs404AndTheCatalogueNeedsARole() {
        Problems.of(Api.get("/api/payments/vendors/no-such-vendor"), 404);
        assertEquals(401, Api.get("/api/payments/vendors", Api.anonymous()).status());
        assertEquals(403, Api.get("/api/payments/vendors", Api.bearer(DevTokens.mint("nobody", "acme", List.of(), 600))).status());
    }

    @Test
    void simulatedQuotesAreNeverCachedAndTheFacilitatorNamesItsSigner() {
        Api.Reply quote = Api.get("/sim/x402/vendors/llm-premium/v1/complete", Api.anonymous());
        assertEquals(402, quote.status(), quote.body());
        assertEquals(List.of("no-store"), quote.headers().allValues("Cache-Control"));
        Api.Reply unpriced = Api.get("/sim/x402/vendors/it-extra/reports/weekly", Api.anonymous());
        assertEquals(404, unpriced.status(), "a vendor without a configured price is not simulated without quote_cents: " + unpriced.body());

        JsonObject signers = Api.get(Payments.FACILITATOR + "/supported", Api.anonymous()).json().getJsonObject("signers");
        List<JsonString> evm = signers.getJsonArray("eip155:*").getValuesAs(JsonString.class);
        assertEquals(1, evm.size(), signers.toString());
        String signer = evm.get(0).getString();
        assertEquals(EvmAddress.checksummed(signer), signer);
    }
}
