package io.genesis.payments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendor URLs take one form before the catalogue match; paths that could mean another path are refused. */
class VendorUrlTest {

    private final Vendor search = new Vendor("search", "Search", "data", URI.create("https://vendor.example/search"), "0xabc", 2, 5L);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://vendor.example/search/../admin",
            "https://vendor.example/search/..",
            "https://vendor.example/search/./q",
            "https://vendor.example/search/%2e%2e/admin",
            "https://vendor.example/search/%2E%2E/admin",
            "https://vendor.example/search/.%2e/admin",
            "https://vendor.example/search%2f..%2fadmin",
            "https://vendor.example/search/%2F/admin",
            "https://vendor.example/search/%5c..%5cadmin",
            "https://user:pw@vendor.example/search/q",
            "https://user@vendor.example/search/q",
            "ftp://vendor.example/search",
            "vendor.example/search",
            "https:///search",
    })
    void ambiguousOrCredentialledUrlsAreRefusedNamingVendorUrl(String url) {
        InvalidPaymentRequest refused = assertThrows(InvalidPaymentRequest.class, () -> VendorUrl.normalised(url));
        assertEquals("vendor_url", refused.field());
        assertTrue(refused.malformed());
    }

    @Test
    void schemeHostTrailingDotAndDefaultPortAreNormalisedBeforeTheMatch() {
        URI url = VendorUrl.normalised("HTTPS://Vendor.Example.:443/search/q?x=%2e#frag");
        assertEquals("https://vendor.example/search/q?x=%2e", url.toString(), "an encoded dot in the query is data, not a path");
        assertTrue(search.serves(url));
        assertEquals("http://vendor.example:8080/a", VendorUrl.normalised("http://vendor.example:8080/a").toString());
    }

    @Test
    void aNormalisedUrlOutsideTheVendorPrefixIsNotServed() {
        assertFalse(search.serves(VendorUrl.normalised("https://vendor.example/searchx")));
        assertFalse(search.serves(VendorUrl.normalised("https://vendor.example/admin")));
        assertTrue(search.serves(VendorUrl.normalised("https://vendor.example/search/..data")), "'..data' is a name, not a segment");
    }
}
