package io.genesis.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which outbound URLs Genesis calls, in every spelling of the address, with and without an allow-list. */
class OutboundUrlsTest {

    private final OutboundUrls strict = new OutboundUrls(Optional.empty());
    private final OutboundUrls dev = new OutboundUrls(Optional.of("127.0.0.1, receiver.internal ,10.1.2.3,[::1],169.254.169.254,metadata.google.internal"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // loopback in every spelling
            "http://127.0.0.1/, loopback",
            "http://127.1/, loopback",
            "http://127.0.1/, loopback",
            "http://2130706433/, loopback",
            "http://0x7f000001/, loopback",
            "http://0x7f.1/, loopback",
            "http://0X7F.0.0.1/, loopback",
            "http://0177.0.0.1/, loopback",
            "http://017700000001/, loopback",
            "http://127.0.0.1.:8080/hook, loopback",
            "http://127.255.255.254/, loopback",
            "http://localhost/, loopback",
            "http://LOCALHOST./, loopback",
            "http://api.localhost/, loopback",
            "http://[::1]/, loopback",
            "http://[0:0:0:0:0:0:0:1]/, loopback",
            "http://[::ffff:127.0.0.1]/, loopback",
            "http://[::FFFF:7f00:1]/, loopback",
            "http://[::127.0.0.1]/, loopback",
            "http://[64:ff9b::127.0.0.1]/, loopback",
            "http://[2002:7f00:1::]/, loopback",
            "https://user:secret@127.0.0.1:8443/x?token=1, loopback",
            // private, shared, unique-local
            "http://10.0.0.1/, private",
            "http://012.0.0.1/, private",
            "http://167772161/, private",
            "http://172.16.0.1/, private",
            "http://172.31.255.255/, private",
            "http://192.168.1.1/, private",
            "http://0xc0.0xa8.1.1/, private",
            "http://[::ffff:192.168.1.1]/, private",
            "http://100.64.0.1/, shared (CGNAT)",
            "http://100.127.255.255/, shared (CGNAT)",
            "http://[fc00::1]/, private (unique-local)",
            "http://[fd12:3456::1]/, private (unique-local)",
            // never, even when listed
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://2852039166/, cloud metadata",
            "http://0xa9fea9fe/, cloud metadata",
            "http://0251.0376.0251.0376/, cloud metadata",
            "http://169.254.43518/, cloud metadata",
            "http://[::ffff:169.254.169.254]/, cloud metadata",
            "http://[::ffff:a9fe:a9fe]/, cloud metadata",
            "http://[fd00:ec2::254]/, cloud metadata",
            "http://metadata.google.internal/computeMetadata/v1/, cloud metadata",
            "http://METADATA.GOOGLE.INTERNAL./, cloud metadata",
            "http://100.100.100.200/, cloud metadata",
            "http://169.254.1.1/, link-local",
            "http://[fe80::1]/, link-local",
            "http://[FE80::abcd]/, link-local",
            "http://0.0.0.0/, unspecified",
            "http://0/, unspecified",
            "http://[::]/, unspecified",
            "http://224.0.0.1/, multicast",
            "http://[ff02::1]/, multicast",
            "http://255.255.255.255/, broadcast",
            "http://4294967295/, broadcast",
            "http://240.0.0.1/, reserved",
    })
    void internalAddressesAreRefusedInEverySpelling(String url, String what) {
        OutboundUrlRefused refused = assertThrows(OutboundUrlRefused.class, () -> strict.checkGiven(url, "webhook"));
        assertEquals("webhook", refused.extensions().get("field"));
        assertTrue(refused.getMessage().startsWith("webhook points to a " + what + " address"), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"http://1.2.3.999/", "http://1.2.3.4.5/", "http://08.1.1.1/", "http://0x1g.1/", "http://4294967296/",
            "http://%6c%6f%63%61%6c%68%6f%73%74/", "http://[fe80::1%25eth0]/", "http://host:99999/", "ftp://example.com/",
            "file:///etc/passwd", "http:///path", "not a url", "gopher://127.0.0.1/"})
    void hostsThatAreNeitherANameNorAnAddressAndOtherSchemesAreRefused(String url) {
        OutboundUrlRefused refused = assertThrows(OutboundUrlRefused.class, () -> strict.checkGiven(url, "webhook_url"));
        assertEquals("webhook_url", refused.extensions().get("field"));
    }

    @ParameterizedTest
    @CsvSource({"https://hooks.example.com/genesis", "http://93.184.216.34/x", "http://1.1.1.1/", "http://[2606:4700::1111]/",
            "https://hooks.example.com:8443/a?b=c", "http://172.32.0.1/", "http://100.128.0.1/", "http://192.169.0.1/"})
    void publicAddressesAndNamesPass(String url) {
        assertDoesNotThrow(() -> strict.checkGiven(url, "webhook"));
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:9000/hook", "http://2130706433/", "http://127.1/", "http://receiver.internal/",
            "http://RECEIVER.INTERNAL./", "http://10.1.2.3/", "http://[::1]:8080/"})
    void listedHostsMayBeLoopbackOrPrivate(String url) {
        assertDoesNotThrow(() -> dev.checkGiven(url, "webhook"));
    }

    @ParameterizedTest
    @CsvSource({"http://169.254.169.254/", "http://metadata.google.internal/", "http://127.0.0.2/", "http://10.1.2.4/",
            "http://localhost/"})
    void listingNeverOpensMetadataOrLinkLocalNorUnlistedHosts(String url) {
        assertThrows(OutboundUrlRefused.class, () -> dev.checkGiven(url, "webhook"));
    }

    @Test
    void atDeliveryEveryResolvedAddressIsJudged() throws Exception {
        assertThrows(OutboundUrlRefused.class, () -> strict.addresses(URI.create("http://localhost:8080/")));
        assertThrows(OutboundUrlRefused.class, () -> strict.addresses(new URI("http://0x7f.1/")));
        assertThrows(OutboundUrlRefused.class, () -> dev.addresses(URI.create("http://169.254.169.254/")));
        assertEquals(InetAddress.getByName("127.0.0.1"), dev.addresses(new URI("http://127.1:9/")).get(0));
        assertEquals(1, dev.addresses(URI.create("http://[::1]:9/")).size());
    }

    @Test
    void shownUrlsKeepSchemeHostPortAndPathOnly() {
        assertEquals("https://hooks.example.com:8443/a/b", OutboundUrls.shown("https://user:pw@hooks.example.com:8443/a/b?token=s3cret#frag"));
        assertEquals("http://127.0.0.1/hook", OutboundUrls.shown("http://127.0.0.1/hook"));
        assertEquals("http://[::1]:80", OutboundUrls.shown("http://u@[::1]:80?x=1"));
        assertEquals("(not a URL)", OutboundUrls.shown("no url at all"));
    }

    @Test
    void portsDefaultBySchemeAndAreReadFromAnyAuthority() throws Exception {
        assertEquals(443, OutboundUrls.port(URI.create("https://a.example/")));
        assertEquals(80, OutboundUrls.port(URI.create("http://a.example/")));
        assertEquals(8080, OutboundUrls.port(new URI("http://127.1:8080/")));
        assertEquals(9, OutboundUrls.port(URI.create("http://[::1]:9/")));
    }
}
