package io.genesis.agents.llm;

import io.genesis.api.JsonConventions;
import io.genesis.retry.RetryPolicy;
import io.genesis.safety.CredentialRedactor;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST {base-url}/chat/completions} with {@code model}, {@code messages} and {@code temperature}
 * ({@code max_tokens} when asked, {@code response_format} for a request with a schema, as
 * {@code genesis.llm.response-format} says), authenticated by {@code Authorization: Bearer <api key>} or Azure's
 * {@code api-key: <api key>} when a key is set. Returns {@code choices[0].message} with the reported token usage.
 * 429, 5xx, timeouts and connection errors are retried with jittered exponential backoff (or the server's
 * {@code Retry-After}, capped) until {@code max-attempts}; any other 4xx fails at once. Error messages carry the
 * status and at most {@value #EXCERPT_CHARS} redacted characters of the answer.
 */
public final class OpenAiCompatibleLlmClient implements ChatModel, LlmClient {

    static final int EXCERPT_CHARS = 200;

    private final LlmSettings settings;
    private final RetryPolicy retries;
    private final HttpClient http;

    public OpenAiCompatibleLlmClient(LlmSettings settings) {
        this.settings = settings;
        this.retries = new RetryPolicy(settings.maxAttempts(), settings.backoffBaseMillis(), settings.backoffCapMillis());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A free-text completion of the default model: the answer's content, empty when blank. */
    @Override
    public Optional<String> complete(String system, String user, LlmOptions options) throws InterruptedException {
        return LlmClient.over(this, settings).complete(system, user, options);
    }

    @Override
    public ChatAnswer chat(ChatRequest chat) throws InterruptedException {
        HttpRequest request = request(body(chat), chat.timeout() == null ? settings.requestTimeout() : chat.timeout());
        for (int attempt = 1; ; attempt++) {
            int status = 0;
            String problem;
            OptionalLong retryAfter = OptionalLong.empty();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                RetryPolicy.Verdict verdict = RetryPolicy.classify(status);
                if (verdict == RetryPolicy.Verdict.DELIVERED) {
                    return answer(response.body(), chat.model());
                }
                problem = "LLM endpoint answered " + status + ": " + excerpt(response.body());
                if (verdict == RetryPolicy.Verdict.GIVE_UP) {
                    throw new LlmException(status, problem);
                }
                retryAfter = RetryPolicy.retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            } catch (IOException e) {
                problem = "LLM endpoint unreachable: " + e.getClass().getSimpleName();
            }
            if (!retries.mayRetryAfter(attempt)) {
                throw new LlmException(status, problem + " (after " + attempt + " attempts)");
            }
            Thread.sleep(retries.delayMillis(attempt, retryAfter, ThreadLocalRandom.current().nextDouble()));
        }
    }

    private HttpRequest request(String body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.completionsUrl())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null) {
            if (settings.keyHeader() == LlmSettings.KeyHeader.API_KEY) {
                builder.header("api-key", settings.apiKey());
            } else {
                builder.header("Authorization", "Bearer " + settings.apiKey());
            }
        }
        return builder.build();
    }

    private String body(ChatRequest chat) {
        JsonArrayBuilder messages = JsonConventions.json().createArrayBuilder();
        chat.messages().forEach(message -> messages.add(JsonConventions.json().createObjectBuilder()
                .add("role", message.role()).add("content", message.content())));
        JsonObjectBuilder body = JsonConventions.json().createObjectBuilder()
                .add("model", chat.model())
                .add("messages", messages)
                .add("temperature", chat.temperature());
        if (chat.maxTokens() != null) {
            body.add("max_tokens", chat.maxTokens());
        }
        if (chat.schema() != null && settings.responseFormat() == ResponseFormat.JSON_SCHEMA) {
            body.add("response_format", JsonConventions.json().createObjectBuilder()
                    .add("type", "json_schema")
                    .add("json_schema", JsonConventions.json().createObjectBuilder()
                            .add("name", chat.schemaName()).add("schema", chat.schema()).add("strict", false)));
        } else if (chat.schema() != null && settings.responseFormat() == ResponseFormat.JSON_OBJECT) {
            body.add("response_format", JsonConventions.json().createObjectBuilder().add("type", "json_object"));
        }
        return body.build().toString();
    }

    private static ChatAnswer answer(String body, String requestedModel) {
        try (JsonReader reader = JsonConventions.json().createReader(new StringReader(body == null ? "" : body))) {
            JsonObject answer = reader.readObject();
            if (answer.getJsonArray("choices") == null || answer.getJsonArray("choices").isEmpty()) {
                throw new LlmException(200, "LLM answer has no choices");
            }
            JsonObject message = answer.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
            if (message == null) {
                throw new LlmException(200, "LLM answer has no message");
            }
            JsonObject usage = answer.get("usage") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
            return new ChatAnswer(message.get("content") instanceof JsonString text ? text.getString() : "",
                    message.get("refusal") instanceof JsonString refusal ? refusal.getString() : null,
                    answer.get("model") instanceof JsonString model ? model.getString() : requestedModel,
                    tokens(usage, "prompt_tokens"), tokens(usage, "completion_tokens"));
        } catch (JsonException | ClassCastException e) {
            throw new LlmException(200, "LLM answer is not a chat completion: " + e.getClass().getSimpleName());
        }
    }

    private static long tokens(JsonObject usage, String key) {
        return usage.get(key) instanceof JsonNumber number ? Math.max(0, number.longValue()) : 0;
    }

    private static String excerpt(String body) {
        String text = CredentialRedactor.redact(body == null ? "" : body.strip());
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }
}
