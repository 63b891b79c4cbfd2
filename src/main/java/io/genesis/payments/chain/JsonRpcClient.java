package io.genesis.payments.chain;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client over HTTP POST, one call per request. The endpoint often carries a provider key in its path,
 * so messages name only its host.
 */
public final class JsonRpcClient {

    private final URI endpoint;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();
    private final HttpClient http;

    public JsonRpcClient(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The host of the endpoint, safe to log. */
    public String host() {
        return endpoint.getHost();
    }

    /** {@code result} of {@code method(params)}; {@link ChainUnavailable} for anything but a result. */
    public JsonValue call(String method, JsonArray params) {
        String body = JsonConventions.json().createObjectBuilder().add("jsonrpc", "2.0").add("id", ids.incrementAndGet())
                .add("method", method).add("params", params).build().toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChainUnavailable(method + " at " + host() + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailable("interrupted during " + method + " at " + host());
        }
        JsonObject answer;
        try (var reader = JsonConventions.json().createReader(new StringReader(response.body()))) {
            answer = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ChainUnavailable(method + " at " + host() + " answered HTTP " + response.statusCode() + " without a JSON-RPC object");
        }
        if (answer.get("error") instanceof JsonObject error) {
            throw new ChainUnavailable(method + " at " + host() + " failed: " + error.getInt("code", 0) + " "
                    + error.getString("message", ""));
        }
        if (!answer.containsKey("result")) {
            throw new ChainUnavailable(method + " at " + host() + " answered HTTP " + response.statusCode() + " without a result");
        }
        return answer.get("result");
    }
}
