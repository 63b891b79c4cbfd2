package io.genesis.payments.x402;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The client half of x402 over HTTP: calls a paid resource, with or without a {@code PAYMENT-SIGNATURE}. */
@ApplicationScoped
public class VendorClient {

    /** What the vendor answered; the x402 headers are the raw (base64) values or null. */
    public record Reply(int status, String paymentRequired, String paymentResponse, String body) {
    }

    @Inject
    @ConfigProperty(name = "genesis.payments.http-timeout-ms")
    long timeoutMs;

    /** HTTP/1.1: no h2c upgrade dance, which stalls concurrent calls to a Liberty that talks to itself. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Reply call(String method, URI url, String body, String paymentSignature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(timeoutMs))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (paymentSignature != null) {
            request.header(X402.PAYMENT_SIGNATURE, paymentSignature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue(X402.PAYMENT_REQUIRED).orElse(null),
                    response.headers().firstValue(X402.PAYMENT_RESPONSE).orElse(null), response.body());
        } catch (IOException e) {
            throw new RemoteUnavailable("vendor " + url + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailable("interrupted while calling vendor " + url);
        }
    }
}
