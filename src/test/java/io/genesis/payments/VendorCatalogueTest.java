package io.genesis.payments;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VendorCatalogueTest {

    private static final String LOWER = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private static final String EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private static Map<String, Vendor> read(Map<String, String> config) {
        return VendorCatalogue.read(config.keySet(), key -> Optional.ofNullable(config.get(key)),
                key -> Optional.ofNullable(config.get(key)).map(text -> Arrays.asList(text.split(","))).orElse(List.of()));
    }

    private static Map<String, String> listed() {
        Map<String, String> config = new HashMap<>();
        config.put("genesis.payments.vendors", "llm-premium");
        config.put("genesis.payments.vendors.llm-premium.name", "Premium LLM API");
        config.put("genesis.payments.vendors.llm-premium.category", "llm_api");
        config.put("genesis.payments.vendors.llm-premium.url", "http://127.0.0.1:9080/sim/x402/vendors/llm-premium");
        config.put("genesis.payments.vendors.llm-premium.pay-to", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        config.put("genesis.payments.vendors.llm-premium.price-cents", "25");
        return config;
    }

    @Test
    void aRealVendorNeedsOnlyItsUrlAndPayToAndIsFoundWithoutBeingListed() {
        Map<String, String> config = listed();
        config.put("genesis.payments.vendors.acme-search.url", "HTTPS://Search.Acme.example:443/v1");
        config.put("genesis.payments.vendors.acme-search.pay-to", LOWER);

        Map<String, Vendor> catalogue = read(config);

        assertEquals(List.of("llm-premium", "acme-search"), List.copyOf(catalogue.keySet()), "listed first, then discovered");
        Vendor acme = catalogue.get("acme-search");
        assertEquals(new Vendor("acme-search", "acme-search", "uncategorised", URI.create("https://search.acme.example/v1"), EIP55, 2, null), acme);
        assertEquals(25L, catalogue.get("llm-premium").priceCents());
        assertEquals("Premium LLM API", catalogue.get("llm-premium").name());
    }

    @Test
    void theExtraListNamesVendorsConfiguredWhereKeysCannotBeEnumerated() {
        Map<String, String> environmentOnly = new HashMap<>(Map.of(
                "genesis.payments.vendors.acme.url", "https://acme.example/x402",
                "genesis.payments.vendors.acme.pay-to", EIP55,
                "genesis.payments.vendors.acme.x402-version", "1"));
        Map<String, Vendor> catalogue = VendorCatalogue.read(List.of("genesis.payments.vendors.extra"),
                key -> key.equals("genesis.payments.vendors.extra") ? Optional.of("acme") : Optional.ofNullable(environmentOnly.get(key)),
                key -> key.equals("genesis.payments.vendors.extra") ? List.of(" acme ") : List.of());

        assertEquals(List.of("acme"), List.copyOf(catalogue.keySet()));
        assertEquals(1, catalogue.get("acme").x402Version());
        assertNull(catalogue.get("acme").priceCents());
    }

    @Test
    void theShippedCatalogueIsValid() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            shipped.load(in);
        }
        Map<String, String> config = new HashMap<>();
        shipped.stringPropertyNames().forEach(key -> config.put(key,
                shipped.getProperty(key).replace("${genesis.payments.sim.base-url}", "http://127.0.0.1:9080")));
        Map<String, Vendor> catalogue = read(config);
        assertEquals(List.of("llm-premium", "gpu-runs", "stock-media", "domains", "ads"), List.copyOf(catalogue.keySet()));
        catalogue.values().forEach(vendor -> assertTrue(vendor.priceCents() != null && vendor.priceCents() > 0, vendor.toString()));
    }

    @Test
    void aMistypedChecksumStopsStartUpWithTheAddressItShouldBe() {
        Map<String, String> config = listed();
        config.put("genesis.payments.vendors.llm-premium.pay-to", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(config));
        assertTrue(refused.getMessage().contains("EIP-55"), refused.getMessage());
        assertTrue(refused.getMessage().contains("llm-premium"), refused.getMessage());
    }

    @Test
    void incompleteOrInvalidVendorsAreRefusedAtStartUp() {
        Map<String, String> noPayTo = listed();
        noPayTo.remove("genesis.payments.vendors.llm-premium.pay-to");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(noPayTo)).getMessage().contains("pay-to"));

        Map<String, String> listedWithoutUrl = listed();
        listedWithoutUrl.put("genesis.payments.vendors", "llm-premium,ghost");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(listedWithoutUrl)).getMessage().contains("ghost"));

        Map<String, String> badUrl = listed();
        badUrl.put("genesis.payments.vendors.llm-premium.url", "ftp://vendor.example/x");
        assertThrows(IllegalStateException.class, () -> read(badUrl));

        Map<String, String> badVersion = listed();
        badVersion.put("genesis.payments.vendors.llm-premium.x402-version", "3");
        assertThrows(IllegalStateException.class, () -> read(badVersion));

        Map<String, String> badPrice = listed();
        badPrice.put("genesis.payments.vendors.llm-premium.price-cents", "-5");
        assertThrows(IllegalStateException.class, () -> read(badPrice));

        Map<String, String> reservedId = listed();
        reservedId.put("genesis.payments.vendors", "extra");
        assertThrows(IllegalStateException.class, () -> read(reservedId));
    }
}
