package io.genesis.agents.llm;

import com.sun.net.httpserver.HttpServer;
import io.genesis.agents.BusinessIdea;
import io.genesis.agents.IdeaGenerator;
import io.genesis.agents.MemoryHint;
import io.genesis.catalog.BusinessArchetypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a local stub of an OpenAI-compatible server on 127.0.0.1 (ephemeral port). */
class OpenAiCompatibleLlmClientTest {

    static final String KEY = "test-key-not-a-secret";

    /** One canned answer of the stub. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer completion(String content) {
            return new Answer(200, Json.createObjectBuilder()
                    .add("id", "chatcmpl-1")
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))))
                    .build().toString(), Map.of());
        }
    }

    /** A request as the stub saw it. */
    record Seen(String method, String path, String authorization, String contentType, JsonObject body, String apiKey, String query) {
    }

    private HttpServer server;
    private final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); JsonReader reader = Json.createReader(in)) {
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                        reader.readObject(), exchange.getRequestHeaders().getFirst("api-key"), exchange.getRequestURI().getRawQuery()));
            }
            Answer answer = answers.isEmpty() ? new Answer(500, "{\"error\":\"no answer queued\"}", Map.of()) : answers.poll();
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    LlmSettings settings(String apiKey, int maxAttempts) {
        return new LlmSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"), apiKey, "test-model", 0.2,
                Duration.ofSeconds(2), Duration.ofSeconds(5), maxAttempts, 1, 5);
    }

    OpenAiCompatibleLlmClient client(int maxAttempts) {
        return new OpenAiCompatibleLlmClient(settings(KEY, maxAttempts));
    }

    @Test
    void postsModelMessagesAndTemperatureWithTheBearerKeyAndReturnsTheContent() throws Exception {
        answers.add(Answer.completion("{\"name\":\"Idea\"}"));
        Optional<String> answer = client(3).complete("be brief", "an idea please", new LlmOptions(0.9, 300));
        assertEquals(Optional.of("{\"name\":\"Idea\"}"), answer);
        Seen request = seen.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer " + KEY, request.authorization());
        assertEquals("application/json", request.contentType());
        assertEquals("test-model", request.body().getString("model"));
        assertEquals(0.9, request.body().getJsonNumber("temperature").doubleValue());
        assertEquals(300, request.body().getInt("max_tokens"));
        JsonObject system = request.body().getJsonArray("messages").getJsonObject(0);
        JsonObject user = request.body().getJsonArray("messages").getJsonObject(1);
        assertEquals("system", system.getString("role"));
        assertEquals("be brief", system.getString("content"));
        assertEquals("user", user.getString("role"));
        assertEquals("an idea please", user.getString("content"));
    }

    @Test
    void defaultsToTheConfiguredTemperatureAndSendsNoKeyWhenNoneIsSet() throws Exception {
        answers.add(Answer.completion("ok"));
        new OpenAiCompatibleLlmClient(settings(null, 1)).complete("s", "u", LlmOptions.DEFAULTS);
        assertNull(seen.get(0).authorization());
        assertEquals(0.2, seen.get(0).body().getJsonNumber("temperature").doubleValue());
        assertFalse(seen.get(0).body().containsKey("max_tokens"));
    }

    @Test
    void retriesTooManyRequestsAndServerErrorsThenSucceeds() throws Exception {
        answers.add(new Answer(429, "{\"error\":\"slow down\"}", Map.of("Retry-After", "0")));
        answers.add(new Answer(503, "{\"error\":\"busy\"}", Map.of()));
        answers.add(Answer.completion("third time lucky"));
        assertEquals(Optional.of("third time lucky"), client(3).complete("s", "u", LlmOptions.DEFAULTS));
        assertEquals(3, seen.size());
    }

    @Test
    void givesUpAfterMaxAttempts() {
        answers.add(new Answer(429, "{}", Map.of()));
        answers.add(new Answer(429, "{}", Map.of()));
        LlmException failure = assertThrows(LlmException.class, () -> client(2).complete("s", "u", LlmOptions.DEFAULTS));
        assertEquals(429, failure.status());
        assertTrue(failure.getMessage().contains("after 2 attempts"), failure.getMessage());
        assertEquals(2, seen.size());
    }

    @Test
    void clientErrorsFailAtOnceWithoutLeakingTheKey() {
        answers.add(new Answer(401, "{\"error\":\"invalid api_key=" + KEY + "\"}", Map.of()));
        LlmException failure = assertThrows(LlmException.class, () -> client(3).complete("s", "u", LlmOptions.DEFAULTS));
        assertEquals(401, failure.status());
        assertTrue(failure.getMessage().contains("401"), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertEquals(1, seen.size(), "a 4xx is not retried");
    }

    @Test
    void answersThatAreNotChatCompletionsFail() {
        answers.add(new Answer(200, "<html>gateway</html>", Map.of()));
        assertThrows(LlmException.class, () -> client(1).complete("s", "u", LlmOptions.DEFAULTS));
        answers.add(new Answer(200, "{\"choices\":[]}", Map.of()));
        assertThrows(LlmException.class, () -> client(1).complete("s", "u", LlmOptions.DEFAULTS));
    }

    @Test
    void anEmptyCompletionIsNoCompletion() throws Exception {
        answers.add(Answer.completion("  "));
        assertEquals(Optional.empty(), client(1).complete("s", "u", LlmOptions.DEFAULTS));
    }

    @Test
    void anUnreachableEndpointFailsAfterItsAttempts() {
        int port = server.getAddress().getPort();
        server.stop(0);
        LlmSettings settings = new LlmSettings(URI.create("http://127.0.0.1:" + port), KEY, "m", 0.2,
                Duration.ofMillis(500), Duration.ofSeconds(1), 2, 1, 5);
        LlmException failure = assertThrows(LlmException.class,
                () -> new OpenAiCompatibleLlmClient(settings).complete("s", "u", LlmOptions.DEFAULTS));
        assertEquals(0, failure.status());
    }

    @Test
    void theIdeaGeneratorUsesTheModelsIdeaAndFallsBackWhenTheEndpointFails() throws Exception {
        IdeaGenerator generator = new IdeaGenerator(new BusinessArchetypes(), client(2));
        answers.add(Answer.completion("{\"name\": \"Stackwise\", \"description\": \"Usage-billed API for PDF parsing.\","
                + " \"mvp_features\": [\"PDF upload\", \"Table extraction\"], \"tech_stack\": [\"FastAPI\"],"
                + " \"monetization\": \"$0.02 per call\", \"target_market\": \"Developers\"}"));
        BusinessIdea fromModel = generator.generate("api_service", null, MemoryHint.NONE);
        assertEquals(BusinessIdea.LLM, fromModel.source());
        assertEquals("Stackwise", fromModel.name());
        assertTrue(seen.get(0).body().getJsonArray("messages").getJsonObject(1).getString("content").contains("api_service"));

        answers.add(new Answer(500, "{}", Map.of()));
        answers.add(new Answer(502, "{}", Map.of()));
        assertEquals(generator.offline("api_service", null, MemoryHint.NONE), generator.generate("api_service", null, MemoryHint.NONE));
        assertEquals(3, seen.size());
    }

    @Test
    void settingsNeverPrintTheKey() {
        assertFalse(settings(KEY, 1).toString().contains(KEY));
        assertThrows(IllegalArgumentException.class, () -> new LlmSettings(URI.create("ftp://example.org"), null, "m", 0.2,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 5));
    }

    LlmSettings settings(LlmSettings.KeyHeader header, String apiVersion, ResponseFormat format) {
        return new LlmSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/openai/deployments/d1"), KEY,
                "test-model", 0.2, Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 1, 5, header, apiVersion, format);
    }

    static ChatRequest structured(String model) {
        return new ChatRequest(model, List.of(ChatMessage.system("rules"), ChatMessage.user("task")), 0.3, 500,
                Duration.ofSeconds(3), "qa_agent_artefact_v1", Json.createObjectBuilder().add("type", "object").build());
    }

    @Test
    void aStructuredRequestCarriesTheSchemaAndTheAnswerItsUsage() throws Exception {
        answers.add(new Answer(200, """
                {"model": "gpt-4o-mini-2024-07-18", "choices": [{"message": {"role": "assistant", "content": "{}"}}],
                 "usage": {"prompt_tokens": 1234, "completion_tokens": 56, "total_tokens": 1290}}""", Map.of()));
        ChatAnswer answer = client(1).chat(structured("gpt-4o-mini"));
        assertEquals(new ChatAnswer("{}", null, "gpt-4o-mini-2024-07-18", 1234, 56), answer);
        JsonObject body = seen.get(0).body();
        assertEquals("gpt-4o-mini", body.getString("model"));
        assertEquals(500, body.getInt("max_tokens"));
        JsonObject format = body.getJsonObject("response_format");
        assertEquals("json_schema", format.getString("type"));
        assertEquals("qa_agent_artefact_v1", format.getJsonObject("json_schema").getString("name"));
        assertEquals("object", format.getJsonObject("json_schema").getJsonObject("schema").getString("type"));
    }

    @Test
    void jsonModeAndNoFormatLeaveTheSchemaToThePrompt() throws Exception {
        answers.add(Answer.completion("{}"));
        answers.add(Answer.completion("{}"));
        new OpenAiCompatibleLlmClient(settings(LlmSettings.KeyHeader.BEARER, null, ResponseFormat.JSON_OBJECT)).chat(structured("m"));
        new OpenAiCompatibleLlmClient(settings(LlmSettings.KeyHeader.BEARER, null, ResponseFormat.NONE)).chat(structured("m"));
        assertEquals(Json.createObjectBuilder().add("type", "json_object").build(), seen.get(0).body().getJsonObject("response_format"));
        assertFalse(seen.get(1).body().containsKey("response_format"));
        assertEquals(ResponseFormat.JSON_OBJECT, ResponseFormat.of(" json_object "));
        assertThrows(IllegalArgumentException.class, () -> ResponseFormat.of("xml"));
    }

    @Test
    void azureGetsTheKeyInApiKeyAndTheApiVersionInTheQuery() throws Exception {
        answers.add(Answer.completion("{}"));
        new OpenAiCompatibleLlmClient(settings(LlmSettings.KeyHeader.API_KEY, "2024-10-21", ResponseFormat.JSON_SCHEMA))
                .chat(structured("gpt-4o"));
        Seen request = seen.get(0);
        assertEquals("/openai/deployments/d1/chat/completions", request.path());
        assertEquals("api-version=2024-10-21", request.query());
        assertEquals(KEY, request.apiKey());
        assertNull(request.authorization(), "Azure's key header replaces the bearer token");
    }

    @Test
    void aRefusalIsReportedAndMissingUsageIsZero() throws Exception {
        answers.add(new Answer(200, """
                {"choices": [{"message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}]}""", Map.of()));
        ChatAnswer answer = client(1).chat(structured("m"));
        assertTrue(answer.refused());
        assertEquals("", answer.content());
        assertEquals("m", answer.model(), "the requested model when the server names none");
        assertEquals(0, answer.promptTokens());
    }
}
