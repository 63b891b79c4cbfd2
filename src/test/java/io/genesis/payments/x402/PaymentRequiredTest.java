package io.genesis.payments.x402;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
