package io.genesis.payments.chain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny EVM chain behind JSON-RPC for tests: an EIP-3009 token whose {@code authorizationState} is true for the
 * nonces marked {@link #use used}, {@code AuthorizationUsed} logs for them, a settable head block, and a record of
 * every request. Answers {@code eth_chainId}, {@code eth_getBlockByNumber}, {@code eth_call}, {@code eth_getLogs};
 * a method listed in {@link #fail} answers a JSON-RPC error.
 */
public final class JsonRpcStub implements AutoCloseable {

    private final HttpServer server;
    private final long chainId;
    private final Map<String, String> usedIn = new ConcurrentHashMap<>();
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile long headNumber = 1_000_000;
    private volatile long headTime = System.currentTimeMillis() / 1000;

    private JsonRpcStub(HttpServer server, long chainId) {
        this.server = server;
        this.chainId = chainId;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    public static JsonRpcStub start(int port, long chainId) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        JsonRpcStub stub = new JsonRpcStub(server, chainId);
        server.createContext("/", stub::answer);
        server.start();
        return stub;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The nonce of {@code authorizer} was used by {@code transaction}. */
    public void use(String authorizer, String nonce, String transaction) {
        usedIn.put(key(authorizer, nonce), transaction);
    }

    public void head(long number, long timestamp) {
        headNumber = number;
        headTime = timestamp;
    }

    public void fail(String method) {
        failing.add(method);
    }

    public List<JsonObject> requests() {
        return List.copyOf(requests);
    }

    /** Whether an {@code eth_call} asked about this nonce. */
    public boolean askedAbout(String nonce) {
        return requests.stream().filter(r -> r.getString("method").equals("eth_call"))
                .anyMatch(r -> r.getJsonArray("params").getJsonObject(0).getString("data").endsWith(nonce.substring(2).toLowerCase(Locale.ROOT)));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject request;
            try (var reader = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
                request = reader.readObject();
            }
            requests.add(request);
            JsonObjectBuilder reply = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.get("id"));
            String method = request.getString("method");
            if (failing.contains(method)) {
                reply.add("error", Json.createObjectBuilder().add("code", -32005).add("message", "query returned more than 10000 results"));
            } else {
                reply.add("result", result(method, request.getJsonArray("params")));
            }
            byte[] body = reply.build().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private JsonValue result(String method, JsonArray params) {
        return switch (method) {
            case "eth_chainId" -> Json.createValue("0x" + Long.toHexString(chainId));
            case "eth_getBlockByNumber" -> Json.createObjectBuilder().add("number", "0x" + Long.toHexString(headNumber))
                    .add("timestamp", "0x" + Long.toHexString(headTime)).add("hash", "0x" + "ab".repeat(32)).build();
            case "eth_call" -> {
                String data = params.getJsonObject(0).getString("data");
                boolean used = data.startsWith(Eip3009.AUTHORIZATION_STATE)
                        && usedIn.containsKey(key("0x" + data.substring(34, 74), "0x" + data.substring(74)));
                yield Json.createValue("0x" + "0".repeat(63) + (used ? "1" : "0"));
            }
            case "eth_getLogs" -> {
                JsonArray topics = params.getJsonObject(0).getJsonArray("topics");
                String transaction = topics.getString(0).equals(Eip3009.AUTHORIZATION_USED)
                        ? usedIn.get(key("0x" + topics.getString(1).substring(26), topics.getString(2))) : null;
                yield transaction == null ? JsonValue.EMPTY_JSON_ARRAY : Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("address", params.getJsonObject(0).getString("address")).add("topics", topics)
                        .add("transactionHash", transaction).add("blockNumber", "0x" + Long.toHexString(headNumber - 3))).build();
            }
            default -> JsonValue.NULL;
        };
    }

    private static String key(String authorizer, String nonce) {
        return (authorizer + "|" + nonce).toLowerCase(Locale.ROOT);
    }
}
