package io.genesis.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for the LLM ITs. Every request is recorded with what the
 * IT checks (model, schema name, prompt, whether the key was sent). A structured request gets an answer built from the
 * schema in its {@code response_format}; the idea generator's free-text request gets an idea. A business whose
 * description says {@code scenario:garbage} gets prose instead of JSON for every agent; one that says
 * {@code scenario:chaos} has its first request per agent answered by the disturbance {@link #CHAOS} names for that
 * agent (the next request, a client retry or the repair round, gets a valid answer). Token usage is a quarter of the
 * characters in and out.
 */
final class FakeModel implements AutoCloseable {

    static final String KEY = "it-test-key-not-a-secret";
    static final int SLOW_MILLIS = 4_000;

    /** The first request of these agents in a chaos business is disturbed. */
    static final Map<String, String> CHAOS = Map.of(
            "spec_agent", "429",
            "deploy_agent", "500",
            "marketing_agent", "slow",
            "builder_agent", "invalid",
            "frontend_agent", "malformed",
            "backend_agent", "refused");

    private static final Pattern AGENT = Pattern.compile("agent `([a-z_]+)`");
    private static final Pattern BUSINESS_ID = Pattern.compile("# Business\\n- id: (\\S+)");
    private static final Pattern TASK_ID = Pattern.compile("# Task\\n- id: (\\S+)");

    /** One request as the server saw it, and the token usage its answer reported (0 for an error answer). */
    record Seen(String agent, String businessId, String taskId, String model, String schemaName, String system, String user,
                boolean keyed, int messages, String answeredWith, int promptTokens, int completionTokens) {
    }

    /** What the server answers: a status, a body, and a Retry-After (null for none). */
    private record Reply(int status, String body, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    FakeModel(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String businessId) {
        return seen.stream().filter(request -> businessId.equals(request.businessId())).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject body;
        try (InputStream in = exchange.getRequestBody(); JsonReader reader = Json.createReader(in)) {
            body = reader.readObject();
        }
        var messages = body.getJsonArray("messages");
        String system = messages.getJsonObject(0).getString("content");
        String user = messages.getJsonObject(1).getString("content");
        JsonObject schema = body.get("response_format") instanceof JsonObject format && format.get("json_schema") instanceof JsonObject named
                ? named : null;
        String agent = find(AGENT, system);
        String businessId = find(BUSINESS_ID, user);
        boolean keyed = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String behaviour = behaviour(agent, businessId, user, schema != null);
        Reply reply = keyed ? reply(behaviour, body, schema) : new Reply(401, "{\"error\":{\"message\":\"missing or wrong API key\"}}", null);
        JsonObject usage = reply.status() == 200 ? usage(reply.body()) : JsonValue.EMPTY_JSON_OBJECT;
        seen.add(new Seen(agent, businessId, find(TASK_ID, user), body.getString("model"), schema == null ? null : schema.getString("name"),
                system, user, keyed, messages.size(), behaviour, usage.getInt("prompt_tokens", 0), usage.getInt("completion_tokens", 0)));
        if ("slow".equals(behaviour)) {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        send(exchange, reply.status(), reply.body());
    }

    private static Reply reply(String behaviour, JsonObject body, JsonObject schema) {
        return switch (behaviour) {
            case "429" -> new Reply(429, "{\"error\":{\"message\":\"rate limited\"}}", "1");
            case "500" -> new Reply(500, "{\"error\":{\"message\":\"overloaded\"}}", null);
            case "invalid" -> new Reply(200, completion(body, "{\"summary\": 42}", null), null);
            case "malformed", "garbage" -> new Reply(200, completion(body, "Here is what I would do: first, think hard.", null), null);
            case "refused" -> new Reply(200, completion(body, null, "I can't help with that."), null);
            case "idea" -> new Reply(200, completion(body, idea(), null), null);
            default -> new Reply(200, completion(body, schemaAnswer(schema), null), null); // valid, and slow after a pause
        };
    }

    private static JsonObject usage(String completion) {
        try (JsonReader reader = Json.createReader(new java.io.StringReader(completion))) {
            return reader.readObject().getJsonObject("usage");
        }
    }

    private String behaviour(String agent, String businessId, String user, boolean structured) {
        if (!structured) {
            return "idea";
        }
        if (user.contains("scenario:garbage")) {
            return "garbage";
        }
        int number = counts.computeIfAbsent(businessId + "/" + agent, key -> new AtomicInteger()).incrementAndGet();
        return user.contains("scenario:chaos") && number == 1 ? CHAOS.getOrDefault(agent, "valid") : "valid";
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String idea() {
        return Json.createObjectBuilder().add("name", "Fake Model Idea").add("description", "An idea the fake model proposed.")
                .add("mvp_features", Json.createArrayBuilder().add("Sign-in").add("Dashboard").add("Billing").add("Reports").add("Alerts"))
                .add("tech_stack", Json.createArrayBuilder().add("Java").add("PostgreSQL"))
                .add("monetization", "Subscription").add("target_market", "Small teams").build().toString();
    }

    /** A value matching the schema: every property, two distinct items per array, URLs where a key ends in url. */
    private static String schemaAnswer(JsonObject named) {
        return named == null ? "{}" : example(named.getJsonObject("schema"), "root", 0).toString();
    }

    static JsonValue example(JsonObject schema, String key, int index) {
        String type = schema.get("type") instanceof JsonString name ? name.getString() : "string";
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        return switch (type) {
            case "object" -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                if (schema.get("properties") instanceof JsonObject properties) {
                    properties.forEach((name, property) -> object.add(name, example(property.asJsonObject(), name, index)));
                }
                yield object.build();
            }
            case "array" -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                JsonObject items = schema.get("items") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
                for (int i = 0; i < Math.max(2, schema.getInt("minItems", 0)); i++) {
                    array.add(example(items, key, i));
                }
                yield array.build();
            }
            case "integer", "number" -> Json.createValue(key.toLowerCase(Locale.ROOT).contains("failed") ? 0 : 3);
            case "boolean" -> JsonValue.TRUE;
            default -> Json.createValue(key.toLowerCase(Locale.ROOT).endsWith("url")
                    ? "https://fake-model.test/" + key + "/" + index : key.replace('_', ' ') + " " + index + " from the fake model");
        };
    }

    private static String completion(JsonObject request, String content, String refusal) {
        int in = request.getJsonArray("messages").toString().length() / 4;
        JsonObjectBuilder message = Json.createObjectBuilder().add("role", "assistant");
        if (content == null) {
            message.addNull("content");
        } else {
            message.add("content", content);
        }
        if (refusal != null) {
            message.add("refusal", refusal);
        }
        int out = content == null ? 2 : content.length() / 4;
        return Json.createObjectBuilder().add("id", "chatcmpl-it").add("object", "chat.completion")
                .add("model", request.getString("model") + "-it")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0).add("message", message)
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", in).add("completion_tokens", out).add("total_tokens", in + out))
                .build().toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
