package io.genesis.payments.x402;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The client half of x402 over HTTP: calls a paid resource, with or without a payment header ({@code PAYMENT-SIGNATURE}
 * in v2, {@code X-PAYMENT} in v1). The settlement answer is read from {@code PAYMENT-RESPONSE}, else from
 * {@code X-PAYMENT-RESPONSE}, as the reference TS client does.
 * <p>
 * Fault tolerance (MicroProfile, keys {@code io.genesis.payments.x402.VendorClient/<method>/<Annotation>/<param>}): the
 * unpaid {@link #quote} pays nothing and is retried on any transport failure; {@link #pay} and {@link #refund} move
 * money at the vendor and are retried only when the connection was never made ({@link RemoteUnreached}), because a
 * request that may have arrived can have been served and settled. Each method has a bulkhead but no circuit breaker:
 * MicroProfile keeps breaker state per bean method, so one breaker would be shared by every vendor and a few calls to
 * one dead vendor would stop the calls to all of them.
 * The per-request deadline is {@code genesis.payments.http-timeout-ms} (the sweeper's grace for lost answers is
 * computed from it), so no second, {@code @Timeout} deadline is set here.
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

    private final RemoteCalls http = new RemoteCalls();

    /** The unpaid request, answered with the vendor's price (a 402) by an x402 vendor. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = RemoteUnavailable.class)
    @Bulkhead(64)
    public Reply quote(String method, URI url, String body) {
        return call(method, url, body, null);
    }

    /** The request with the signed payment: the vendor verifies, serves and settles. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = RemoteUnreached.class)
    @Bulkhead(64)
    public Reply pay(String method, URI url, String body, PaymentHeader payment) {
        return call(method, url, body, payment);
    }

    /** The vendor's business-logic refund endpoint ({@code POST <vendor>/refunds}). */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = RemoteUnreached.class)
    @Bulkhead(16)
    public Reply refund(URI url, String body) {
        return call("POST", url, body, null);
    }

    private Reply call(String method, URI url, String body, PaymentHeader payment) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(timeoutMs))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (payment != null) {
            request.header(payment.name(), payment.value());
        }
        HttpResponse<String> response = http.send(request.build(), "vendor " + url);
        return new Reply(response.statusCode(), response.headers().firstValue(X402.PAYMENT_REQUIRED).orElse(null),
                response.headers().firstValue(X402.PAYMENT_RESPONSE)
                        .or(() -> response.headers().firstValue(X402.X_PAYMENT_RESPONSE)).orElse(null), response.body());
    }
}
