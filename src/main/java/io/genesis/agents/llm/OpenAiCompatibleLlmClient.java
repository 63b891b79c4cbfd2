package io.genesis.agents.llm;

import io.genesis.api.JsonConventions;
import io.genesis.retry.RetryPolicy;
import io.genesis.safety.CredentialRedactor;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST {base-url}/chat/completions} with {@code model}, {@code messages} (system, user) and {@code temperature}
 * ({@code max_tokens} when asked), authenticated by {@code Authorization: Bearer <api key>} when a key is set, and
 * returns {@code choices[0].message.content}. 429, 5xx, timeouts and connection errors are retried with jittered
 * exponential backoff (or the server's {@code Retry-After}, capped) until {@code max-attempts}; any other 4xx fails at
 * once. Error messages carry the status and at most {@value #EXCERPT_CHARS} redacted characters of the answer.
 */
public final class OpenAiCompatibleLlmClient implements LlmClient {

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

    @Override
    public Optional<String> complete(String system, String user, LlmOptions options) throws InterruptedException {
        HttpRequest request = request(body(system, user, options == null ? LlmOptions.DEFAULTS : options));
        for (int attempt = 1; ; attempt++) {
            int status = 0;
            String problem;
            OptionalLong retryAfter = OptionalLong.empty();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                RetryPolicy.Verdict verdict = RetryPolicy.classify(status);
                if (verdict == RetryPolicy.Verdict.DELIVERED) {
                    return content(response.body());
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

    private HttpRequest request(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.completionsUrl())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private String body(String system, String user, LlmOptions options) {
        JsonObjectBuilder body = JsonConventions.json().createObjectBuilder()
                .add("model", settings.model())
                .add("messages", JsonConventions.json().createArrayBuilder()
                        .add(JsonConventions.json().createObjectBuilder().add("role", "system").add("content", system == null ? "" : system))
                        .add(JsonConventions.json().createObjectBuilder().add("role", "user").add("content", user == null ? "" : user)))
                .add("temperature", options.temperature() == null ? settings.temperature() : options.temperature());
        if (options.maxTokens() != null) {
            body.add("max_tokens", options.maxTokens());
        }
        return body.build().toString();
    }

    private static Optional<String> content(String body) {
        try (JsonReader reader = JsonConventions.json().createReader(new StringReader(body == null ? "" : body))) {
            JsonObject answer = reader.readObject();
            if (answer.getJsonArray("choices") == null || answer.getJsonArray("choices").isEmpty()) {
                throw new LlmException(200, "LLM answer has no choices");
            }
            JsonObject message = answer.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
            if (message == null) {
                throw new LlmException(200, "LLM answer has no message");
            }
            return message.get("content") instanceof JsonString text && !text.getString().isBlank()
                    ? Optional.of(text.getString()) : Optional.empty();
        } catch (JsonException | ClassCastException e) {
            throw new LlmException(200, "LLM answer is not a chat completion: " + e.getClass().getSimpleName());
        }
    }

    private static String excerpt(String body) {
        String text = CredentialRedactor.redact(body == null ? "" : body.strip());
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }
}
