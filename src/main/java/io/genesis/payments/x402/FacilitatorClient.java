package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An x402 facilitator over HTTP (v2 §7): {@code POST /verify}, {@code POST /settle} with
 * {@code {x402Version, paymentPayload, paymentRequirements}}, where {@code x402Version} is the payload's own (v1 bodies
 * carry a v1 payload and v1 requirements, verbatim). The base URL is {@code genesis.payments.facilitator.url}:
 * the local simulated facilitator by default, a real one by configuration (optionally with an Authorization header).
 * <p>
 * Fault tolerance (keys {@code io.genesis.payments.x402.FacilitatorClient/<method>/<Annotation>/<param>}): {@link #verify}
 * only checks a signature and is retried on any transport failure; {@link #settle} is retried only when the connection
 * was never made ({@link RemoteUnreached}): a settle that may have arrived can have been submitted, and the nonce
 * would then make a second one fail although the first paid. Both have a circuit breaker and a bulkhead; the
 * per-request deadline is {@code genesis.payments.http-timeout-ms}.
 */
@ApplicationScoped
public class FacilitatorClient {

    @Inject
    @ConfigProperty(name = "genesis.payments.facilitator.url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "genesis.payments.facilitator.authorization")
    Optional<String> authorization;

    @Inject
    @ConfigProperty(name = "genesis.payments.http-timeout-ms")
    long timeoutMs;

    private final RemoteCalls http = new RemoteCalls();

    @PostConstruct
    void normalise() {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String url() {
        return baseUrl;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = RemoteUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = RemoteUnavailable.class)
    @Bulkhead(64)
    public FacilitatorAnswer verify(JsonObject payload, JsonObject requirements) {
        return FacilitatorAnswer.verify(post("/verify", payload, requirements));
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = RemoteUnreached.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = RemoteUnavailable.class)
    @Bulkhead(64)
    public FacilitatorAnswer settle(JsonObject payload, JsonObject requirements) {
        return FacilitatorAnswer.settle(post("/settle", payload, requirements));
    }

    private JsonObject post(String path, JsonObject payload, JsonObject requirements) {
        String body = JsonConventions.json().createObjectBuilder().add("x402Version", payload.getInt("x402Version", X402.VERSION))
                .add("paymentPayload", payload)
                .add("paymentRequirements", requirements).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorization.filter(value -> !value.isBlank()).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), "facilitator " + baseUrl + path);
        JsonObject json;
        try {
            json = X402.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new RemoteUnavailable("facilitator " + baseUrl + path + " answered HTTP " + response.statusCode()
                    + " without a JSON body");
        }
        // business failures come as isValid/success false, whatever the status (the TS client accepts both)
        if (!json.containsKey("isValid") && !json.containsKey("success")) {
            throw new RemoteUnavailable("facilitator " + baseUrl + path + " answered HTTP " + response.statusCode()
                    + " without isValid/success");
        }
        return json;
    }
}
