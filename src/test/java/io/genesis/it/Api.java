package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for the integration-test server, the way any user of the API would call it: every call carries
 * {@link #TOKEN} (tenant {@code default}, every role) unless its headers name another {@code Authorization}; an empty
 * one sends none.
 */
public final class Api {

    public static final String BASE = System.getProperty("genesis.it.base-url", "http://localhost:19080");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The token of the existing tests: tenant {@code default}, roles tenant, approver and operator, valid for 6 h. */
    public static final String TOKEN = DevTokens.mint("it-user", "default", List.of("tenant", "approver", "operator"), 6 * 3600);
    public static final String AUTHORIZATION = "Authorization";

    /** Headers that authenticate as {@code token}. */
    public static Map<String, String> bearer(String token) {
        return Map.of(AUTHORIZATION, "Bearer " + token);
    }

    /** Headers that send no token at all. */
    public static Map<String, String> anonymous() {
        return Map.of(AUTHORIZATION, "");
    }

    private Api() {
    }

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonStructure structure = reader.read();
                return structure.asJsonObject();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static Reply get(String path) {
        return get(path, Map.of());
    }

    public static Reply get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET(), headers);
    }

    public static Reply delete(String path) {
        return delete(path, Map.of());
    }

    public static Reply delete(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).DELETE(), headers);
    }

    public static Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    public static Reply post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public static Reply put(String path, String json) {
        return put(path, json, Map.of());
    }

    public static Reply put(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /**
     * Any request as a test builds it (method, body publisher, headers of its choice, e.g. another Content-Type or an
     * Origin): like every call here it carries {@link #TOKEN} unless its headers name another Authorization.
     */
    public static Reply send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).method(method, body), headers);
    }

    /** A POST whose body is sent chunked (HTTP/1.1, no Content-Length), as a client streaming a body of unknown size. */
    public static Reply postChunked(String path, byte[] json) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json))), Map.of());
    }

    /** Sends a request built elsewhere (any method, body or content type) with {@link #TOKEN} unless headers say otherwise. */
    public static Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        if (!headers.containsKey(AUTHORIZATION)) {
            request.header(AUTHORIZATION, "Bearer " + TOKEN);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
