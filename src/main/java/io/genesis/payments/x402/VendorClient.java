package io.genesis.payments.x402;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The client half of x402 over HTTP: calls a paid resource, with or without a payment header ({@code PAYMENT-SIGNATURE}
 * in v2, {@code X-PAYMENT} in v1). The settlement answer is read from {@code PAYMENT-RESPONSE}, else from
 * {@code X-PAYMENT-RESPONSE}, as the reference TS client does.
 */
@ApplicationScoped
public class VendorClient {

    /** What the vendor answered; the x402 headers are the raw (base64) values or null. */
    public record Reply(int status, String paymentRequired, String paymentResponse, String body) {
    }

    /** A signed payment as one request header: its name depends on the x402 version, its value is the base64 payload. */
    public record PaymentHeader(String name, String value) {

        public static PaymentHeader of(X402Version version, JsonObject payload) {
            return new PaymentHeader(version.paymentHeader(), X402.encode(payload));
        }
    }

    @Inject
    @ConfigProperty(name = "genesis.payments.http-timeout-ms")
    long timeoutMs;

    /** HTTP/1.1: no h2c upgrade dance, which stalls concurrent calls to a Liberty that talks to itself. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Calls the resource; {@code payment} is null for the unpaid first request. */
    public Reply call(String method, URI url, String body, PaymentHeader payment) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(timeoutMs))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (payment != null) {
            request.header(payment.name(), payment.value());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue(X402.PAYMENT_REQUIRED).orElse(null),
                    response.headers().firstValue(X402.PAYMENT_RESPONSE)
                            .or(() -> response.headers().firstValue(X402.X_PAYMENT_RESPONSE)).orElse(null), response.body());
        } catch (IOException e) {
            throw new RemoteUnavailable("vendor " + url + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailable("interrupted while calling vendor " + url);
        }
    }
}
