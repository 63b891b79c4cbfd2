package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import jakarta.annotation.PostConstruct;
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
import java.util.Optional;

/**
 * An x402 facilitator over HTTP (v2 §7): {@code POST /verify}, {@code POST /settle} with
 * {@code {x402Version, paymentPayload, paymentRequirements}}, where {@code x402Version} is the payload's own (v1 bodies
 * carry a v1 payload and v1 requirements, verbatim). The base URL is {@code genesis.payments.facilitator.url}:
 * the local simulated facilitator by default, a real one by configuration (optionally with an Authorization header).
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

    /** HTTP/1.1: no h2c upgrade dance, which stalls concurrent calls to a Liberty that talks to itself. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PostConstruct
    void normalise() {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String url() {
        return baseUrl;
    }

    public FacilitatorAnswer verify(JsonObject payload, JsonObject requirements) {
        return FacilitatorAnswer.verify(post("/verify", payload, requirements));
    }

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
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteUnavailable("facilitator " + baseUrl + path + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailable("interrupted while calling facilitator " + baseUrl + path);
        }
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
