package io.genesis.agents.llm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible endpoint ({@code genesis.llm.*}). {@link #toString()} masks the key.
 *
 * @param baseUrl        e.g. {@code https://api.openai.com/v1}; requests go to {@code {baseUrl}/chat/completions}
 * @param apiKey         the key, or null for endpoints without authentication (a local server)
 * @param maxAttempts    attempts per completion, the first included (429, 5xx and network errors are retried)
 * @param keyHeader      how the key is sent: {@code Authorization: Bearer} (OpenAI, vLLM, Ollama) or {@code api-key} (Azure)
 * @param apiVersion     appended as {@code ?api-version=} (Azure OpenAI), or null
 * @param responseFormat how structured output is asked for
 */
public record LlmSettings(URI baseUrl, String apiKey, String model, double temperature, Duration connectTimeout,
                          Duration requestTimeout, int maxAttempts, long backoffBaseMillis, long backoffCapMillis,
                          KeyHeader keyHeader, String apiVersion, ResponseFormat responseFormat) {

    /** The header that carries the API key. */
    public enum KeyHeader { BEARER, API_KEY }

    public LlmSettings {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("genesis.llm.base-url must be an absolute http(s) URL");
        }
        if (baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("genesis.llm.base-url must not have a query: set genesis.llm.api-version instead");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("genesis.llm.model must not be blank");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (apiVersion != null && apiVersion.isBlank()) {
            apiVersion = null;
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("LLM timeouts must be positive");
        }
        keyHeader = keyHeader == null ? KeyHeader.BEARER : keyHeader;
        responseFormat = responseFormat == null ? ResponseFormat.JSON_SCHEMA : responseFormat;
    }

    /** Bearer key, no API version, schemas in {@code response_format}. */
    public LlmSettings(URI baseUrl, String apiKey, String model, double temperature, Duration connectTimeout,
                       Duration requestTimeout, int maxAttempts, long backoffBaseMillis, long backoffCapMillis) {
        this(baseUrl, apiKey, model, temperature, connectTimeout, requestTimeout, maxAttempts, backoffBaseMillis,
                backoffCapMillis, KeyHeader.BEARER, null, ResponseFormat.JSON_SCHEMA);
    }

    /** The chat-completions URL: the base URL with {@code /chat/completions} appended, and the API version if any. */
    public URI completionsUrl() {
        String base = baseUrl.toString();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions";
        return URI.create(apiVersion == null ? url : url + "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", temperature=" + temperature + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", backoffBaseMillis=" + backoffBaseMillis
                + ", backoffCapMillis=" + backoffCapMillis + ", keyHeader=" + keyHeader + ", apiVersion=" + apiVersion
                + ", responseFormat=" + responseFormat + "]";
    }
}
