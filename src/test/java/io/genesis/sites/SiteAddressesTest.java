package io.genesis.sites;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteAddressesTest {

    @Test
    void theSlugIsTheNameThenEightHexOfTheBusinessId() {
        String slug = SiteAddresses.slug("biz_0123456789abcdef", "Team Inbox <script> for Agencies!");
        assertTrue(slug.matches("team-inbox-script-for-agencies-[0-9a-f]{8}"), slug);
        assertEquals(slug, SiteAddresses.slug("biz_0123456789abcdef", "Team Inbox <script> for Agencies!"), "stable");
        assertNotEquals(slug, SiteAddresses.slug("biz_0123456789abcdee", "Team Inbox <script> for Agencies!"));
        assertTrue(SiteAddresses.slug("biz_1", "!!!").matches("site-[0-9a-f]{8}"));
        assertTrue(SiteAddresses.slug("biz_1", "x".repeat(100)).length() <= 64 - 15);
    }

    @Test
    void theUrlIsAbsoluteUnderThePublicBaseUrl() {
        assertEquals("https://genesis.example.com/sites/a-1/", new SiteAddresses("https://genesis.example.com/").url("a-1"));
        assertEquals("http://localhost:9080/sites/a-1/", new SiteAddresses("http://localhost:9080").url("a-1"));
        assertEquals("https://example.com/genesis/sites/a-1/", new SiteAddresses("https://example.com/genesis").url("a-1"));
        for (String bad : new String[]{"localhost:9080", "ftp://example.com", "https://user@example.com", "https://example.com/?q=1", "/sites", "http://exa mple.com"}) {
            assertThrows(IllegalStateException.class, () -> new SiteAddresses(bad).url("a-1"), bad);
        }
    }
}
