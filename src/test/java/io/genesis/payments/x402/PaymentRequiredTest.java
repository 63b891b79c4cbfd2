package io.genesis.payments.x402;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentRequiredTest {

    private static JsonObject requirement(String network, String amount) {
        return Json.createObjectBuilder().add("scheme", "exact").add("network", network).add("amount", amount)
                .add("asset", "0x036CbD53842c5426634e7929541eC2318f3dCF7e").add("payTo", "0x209693Bc6afc0C5328bA36FaF03C514EF312287C")
                .add("maxTimeoutSeconds", 60).add("extra", Json.createObjectBuilder().add("name", "USDC").add("version", "2")).build();
    }

    private static String header(JsonObject... accepts) {
        var list = Json.createArrayBuilder();
        for (JsonObject accept : accepts) {
            list.add(accept);
        }
        return X402.encode(Json.createObjectBuilder().add("x402Version", 2)
                .add("resource", Json.createObjectBuilder().add("url", "https://api.example.com/premium-data"))
                .add("accepts", list).build());
    }

    @Test
    void theSpecExampleIsReadAndTheTextKeptVerbatim() {
        String header = header(requirement("eip155:1", "5"), requirement("eip155:84532", "10000"));
        PaymentRequired required = PaymentRequired.fromHeader(header);
        assertEquals(2, required.x402Version());
        assertEquals("https://api.example.com/premium-data", required.resourceUrl());
        assertEquals(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8), required.text());
        PaymentRequirements chosen = required.choose("eip155:84532");
        assertEquals(new BigInteger("10000"), chosen.amount());
        assertEquals("USDC", chosen.domainName());
        assertEquals("eip155:1", required.choose("eip155:8453").network(), "no match: the first, for the policy to judge");
    }

    @Test
    void malformedHeadersAreRefusedWithTheMemberAtFault() {
        assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromHeader("%%% not base64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromHeader(header()))
                .getMessage().contains("accepts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromHeader(header(requirement("eip155:1", "1.5"))))
                .getMessage().contains("amount"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromHeader(
                X402.encode(Json.createObjectBuilder().add("x402Version", 2).build()))).getMessage().contains("resource.url"));
    }

    @Test
    void anAuthorizationRoundTripsAndItsDigestIgnoresAddressCase() {
        Authorization authorization = new Authorization("0x857b06519E91e3A54538791bDbb0E22373e36b66",
                "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", new BigInteger("10000"), 1740672089, 1740672154, "0x" + "F3".repeat(32));
        assertEquals(authorization, Authorization.from(authorization.toJson()));
        assertEquals("10000", authorization.toJson().getString("value"), "values travel as decimal strings");
        Authorization lower = new Authorization("0x857b06519e91e3a54538791bdbb0e22373e36b66",
                "0x209693bc6afc0c5328ba36faf03c514ef312287c", new BigInteger("10000"), 1740672089, 1740672154, "0x" + "f3".repeat(32));
        String asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
        assertArrayEquals(authorization.digest("eip155:84532", asset, "USDC", "2"), lower.digest("eip155:84532", asset.toLowerCase(), "USDC", "2"));
    }

    private static JsonObject v1Requirement(String network, String amount) {
        return Json.createObjectBuilder().add("scheme", "exact").add("network", network).add("maxAmountRequired", amount)
                .add("resource", "https://api.example.com/premium-data").add("description", "Access to premium market data")
                .add("mimeType", "application/json").add("payTo", "0x209693Bc6afc0C5328bA36FaF03C514EF312287C")
                .add("maxTimeoutSeconds", 60).add("asset", "0x036CbD53842c5426634e7929541eC2318f3dCF7e")
                .add("extra", Json.createObjectBuilder().add("name", "USDC").add("version", "2")).build();
    }

    @Test
    void aV1BodyIsReadWithItsNetworkNameMappedToCaip2AndItsTextKept() {
        String body = "{\"x402Version\": 1, \"error\": \"X-PAYMENT header is required\", \"accepts\": ["
                + v1Requirement("base", "5") + ", " + v1Requirement("base-sepolia", "10000") + "]}";
        PaymentRequired required = PaymentRequired.fromV1Body(body);
        assertEquals(1, required.x402Version());
        assertEquals("X-PAYMENT header is required", required.error());
        assertEquals(body, required.text(), "stored verbatim");
        assertEquals("https://api.example.com/premium-data", required.resourceUrl(), "v1 repeats the resource in each entry");
        assertEquals("Access to premium market data", required.resource().getString("description"));
        PaymentRequirements chosen = required.choose("eip155:84532");
        assertEquals(X402Version.V1, chosen.version());
        assertEquals("eip155:84532", chosen.network());
        assertEquals("base-sepolia", chosen.wireNetwork());
        assertEquals(new BigInteger("10000"), chosen.amount(), "maxAmountRequired");
        assertEquals("10000", chosen.json().getString("maxAmountRequired"), "the entry itself is untouched");
        assertFalse(chosen.json().containsKey("amount"));
        assertEquals("eip155:8453", required.choose("eip155:1").network(), "no match: the first, for the policy to judge");
    }

    @Test
    void theHeaderComesFirstAndAnyVersionInItIsReadForThePolicyToJudge() {
        JsonObject v3 = Json.createObjectBuilder().add("x402Version", 3)
                .add("resource", Json.createObjectBuilder().add("url", "https://api.example.com/premium-data"))
                .add("accepts", Json.createArrayBuilder().add(requirement("eip155:84532", "10000"))).build();
        assertEquals(3, PaymentRequired.fromHeader(X402.encode(v3)).x402Version());
        JsonObject v1 = Json.createObjectBuilder().add("x402Version", 1).add("accepts", Json.createArrayBuilder()
                .add(v1Requirement("base-sepolia", "7"))).build();
        assertEquals(X402Version.V1, PaymentRequired.fromHeader(X402.encode(v1)).accepts().get(0).version(),
                "a v1 object is read as v1 wherever it travels");
    }

    @Test
    void onlyAV1PaymentRequiredIsAcceptedFromTheBody() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromV1Body("{\"x402Version\":3,\"accepts\":[]}"))
                .getMessage().contains("x402Version 3"));
        assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromV1Body("<html>402</html>"));
        assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromV1Body(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromV1Body("{\"x402Version\":1,\"accepts\":["
                + Json.createObjectBuilder(v1Requirement("base", "1")).remove("resource").build() + "]}")).getMessage().contains("resource"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentRequired.fromV1Body("{\"x402Version\":1,\"accepts\":["
                + requirement("eip155:84532", "1") + "]}")).getMessage().contains("maxAmountRequired"), "a v2 entry in a v1 body");
    }
}
