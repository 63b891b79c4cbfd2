package io.genesis.agents.llm;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible endpoint ({@code genesis.llm.*}). {@link #toString()} masks the key.
 *
 * @param baseUrl     e.g. {@code https://api.openai.com/v1}; requests go to {@code {baseUrl}/chat/completions}
 * @param apiKey      bearer token, or null for endpoints without authentication (a local server)
 * @param maxAttempts attempts per completion, the first included (429, 5xx and network errors are retried)
 */
public record LlmSettings(URI baseUrl, String apiKey, String model, double temperature, Duration connectTimeout,
                          Duration requestTimeout, int maxAttempts, long backoffBaseMillis, long backoffCapMillis) {

    public LlmSettings {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("genesis.llm.base-url must be an absolute http(s) URL");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("genesis.llm.model must not be blank");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("LLM timeouts must be positive");
        }
    }

    /** The chat-completions URL: the base URL with {@code /chat/completions} appended. */
    public URI completionsUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", temperature=" + temperature + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", backoffBaseMillis=" + backoffBaseMillis
                + ", backoffCapMillis=" + backoffCapMillis + "]";
    }
}
