package io.genesis.payments.x402;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vendor and facilitator clients against a local stub: which headers go out, which come back, which body shape. */
class X402ClientsTest {

    private static final JsonObject SETTLED = Json.createObjectBuilder().add("success", true).add("transaction", "0x" + "ab".repeat(32))
            .add("network", "base-sepolia").build();

    private HttpServer server;
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> answerHeaders = Map.of();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.add(Map.of("x-payment", String.valueOf(exchange.getRequestHeaders().getFirst("X-PAYMENT")),
                        "payment-signature", String.valueOf(exchange.getRequestHeaders().getFirst("PAYMENT-SIGNATURE")),
                        "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] body = "{\"isValid\":true,\"success\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/paid");
    }

    private static VendorClient vendorClient() {
        VendorClient client = new VendorClient();
        client.timeoutMs = 5000;
        return client;
    }

    @Test
    void aV1PaymentGoesInXPaymentAndItsAnswerIsReadFromXPaymentResponse() {
        JsonObject payload = Json.createObjectBuilder().add("x402Version", 1).add("scheme", "exact").add("network", "base-sepolia").build();
        answerHeaders = Map.of("X-PAYMENT-RESPONSE", X402.encode(SETTLED));
        VendorClient.Reply reply = vendorClient().pay("GET", uri(), null, VendorClient.PaymentHeader.of(X402Version.V1, payload));
        assertEquals(X402.encode(payload), seen.get(0).get("x-payment"));
        assertEquals("null", seen.get(0).get("payment-signature"));
        assertEquals(SETTLED, X402.decode(reply.paymentResponse()));
        assertNull(reply.paymentRequired());
    }

    @Test
    void paymentResponseWinsOverTheV1HeaderAsInTheReferenceClient() {
        JsonObject v2 = Json.createObjectBuilder(SETTLED).add("network", "eip155:84532").build();
        answerHeaders = Map.of("PAYMENT-RESPONSE", X402.encode(v2), "X-PAYMENT-RESPONSE", X402.encode(SETTLED));
        VendorClient.Reply reply = vendorClient().pay("GET", uri(), null,
                VendorClient.PaymentHeader.of(X402Version.V2, Json.createObjectBuilder().add("x402Version", 2).build()));
        assertEquals("eip155:84532", X402.decode(reply.paymentResponse()).getString("network"));
        assertEquals("null", seen.get(0).get("x-payment"), "a v2 payment never goes in X-PAYMENT");
    }

    @Test
    void theFacilitatorIsAskedInThePayloadsOwnVersion() {
        FacilitatorClient facilitator = new FacilitatorClient();
        facilitator.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/facilitator/";
        facilitator.authorization = Optional.empty();
        facilitator.timeoutMs = 5000;
        facilitator.normalise();
        JsonObject v1Payload = Json.createObjectBuilder().add("x402Version", 1).add("scheme", "exact").add("network", "base-sepolia").build();
        JsonObject v1Requirements = Json.createObjectBuilder().add("maxAmountRequired", "10000").build();
        facilitator.verify(v1Payload, v1Requirements);
        facilitator.settle(Json.createObjectBuilder().add("x402Version", 2).build(), Json.createObjectBuilder().add("amount", "1").build());
        JsonObject v1Body = read(seen.get(0).get("body"));
        assertEquals(1, v1Body.getInt("x402Version"));
        assertEquals(v1Payload, v1Body.getJsonObject("paymentPayload"));
        assertEquals(v1Requirements, v1Body.getJsonObject("paymentRequirements"));
        assertEquals(2, read(seen.get(1).get("body")).getInt("x402Version"));
    }

    @Test
    void aVendorThatCannotBeReachedIsUnreachedSoAPaymentToItMayBeRetried() {
        URI closed = uri();
        server.stop(0);
        RemoteUnavailable failure = assertThrows(RemoteUnavailable.class, () -> vendorClient().pay("POST", closed, "{}",
                VendorClient.PaymentHeader.of(X402Version.V2, Json.createObjectBuilder().add("x402Version", 2).build())));
        assertInstanceOf(RemoteUnreached.class, failure, "no connection, nothing sent: " + failure.getMessage());
    }

    @Test
    void aVendorThatAnswersWithABrokenConnectionMayHaveBeenPaidSoItIsNotUnreached() {
        server.removeContext("/");
        server.createContext("/", exchange -> exchange.close());
        RemoteUnavailable failure = assertThrows(RemoteUnavailable.class, () -> vendorClient().pay("POST", uri(), "{}",
                VendorClient.PaymentHeader.of(X402Version.V2, Json.createObjectBuilder().add("x402Version", 2).build())));
        assertFalse(failure instanceof RemoteUnreached, "the request reached the vendor: " + failure.getMessage());
    }

    @Test
    void aSettleThatNeverLeftSentNothingButOneCutOffMidwayMayHaveBeenSubmitted() {
        FacilitatorClient facilitator = new FacilitatorClient();
        facilitator.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        facilitator.authorization = Optional.empty();
        facilitator.timeoutMs = 5000;
        JsonObject payload = Json.createObjectBuilder().add("x402Version", 2).build();
        server.removeContext("/");
        server.createContext("/", exchange -> exchange.close());
        RemoteUnavailable cutOff = assertThrows(RemoteUnavailable.class, () -> facilitator.settle(payload, JsonObject.EMPTY_JSON_OBJECT));
        assertFalse(RemoteUnreached.nothingSent(cutOff), "the settle reached the facilitator: " + cutOff.getMessage());
        server.stop(0);
        RemoteUnavailable unreached = assertThrows(RemoteUnavailable.class, () -> facilitator.settle(payload, JsonObject.EMPTY_JSON_OBJECT));
        assertTrue(RemoteUnreached.nothingSent(unreached), "no connection, nothing sent: " + unreached.getMessage());
    }

    private static JsonObject read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
