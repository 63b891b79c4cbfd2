package io.genesis.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genesis.runtime.webhook.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1: each path answers its own script and records every request; and
 * what a test checks of the server's webhook queue in Redis.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The runtime's webhook jobs: a sorted set scored by due time (docs/webhooks.md). */
    static final String JOBS = "omni:{webhooks}";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** One scripted answer of the receiver. */
    record Answer(int status, Map<String, String> headers) {
        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** One request the receiver got. */
    record Call(Instant at, String method, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The signature verifies with the IT server's webhook secret (docs/webhooks.md). */
        void assertSigned(String secret) {
            assertTrue(WebhookSigner.verify(secret, header(WebhookSigner.TIMESTAMP), body, header(WebhookSigner.SIGNATURE),
                    Duration.ofMinutes(5)), "signature verifies with the IT secret");
        }
    }

    /** A receiver path answering with its script in order, the last answer repeating. */
    final class Endpoint {
        final String url;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        private final List<Answer> script;

        private Endpoint(List<Answer> script) {
            this.script = List.copyOf(script);
            String path = "/hook/" + UUID.randomUUID();
            server.createContext(path, this::handle);
            url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer answer;
                synchronized (this) {
                    answer = script.get(Math.min(calls.size(), script.size() - 1));
                    calls.add(new Call(Instant.now(), exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
                }
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(answer.status(), -1);
            }
        }

        List<Call> awaitCalls(int count) {
            return Await.until(count + " webhook request(s) at " + url, DEADLINE, () -> List.copyOf(calls),
                    got -> got.size() >= count);
        }
    }

    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        return new WebhookReceiver(server);
    }

    /** Nothing is left in the webhook sorted set for the delivery: it was settled (delivered or given up). */
    static void assertNoJobLeft(String deliveryId) {
        assertEquals(List.of(), Tasks.redis().zrange(JOBS, 0, -1).stream().filter(member -> member.contains(deliveryId)).toList(),
                "no job left for delivery " + deliveryId);
    }

    /** A new path answering {@code script}. */
    Endpoint endpoint(List<Answer> script) {
        return new Endpoint(script);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
