package io.genesis.agents.llm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Produces the {@link ChatModel} (an {@link OpenAiCompatibleLlmClient} behind {@link GuardedCompletions} when
 * {@code genesis.llm.base-url} is set; an open circuit or a full bulkhead is an {@link LlmException} like any failing
 * completion; otherwise {@link ChatModel#NONE}) and the free-text {@link LlmClient} over it (otherwise
 * {@link LlmClient#OFFLINE}). The API key comes from {@code genesis.llm.api-key} (env {@code GENESIS_LLM_API_KEY})
 * and has no default.
 */
@ApplicationScoped
public class LlmClients {

    private static final Logger LOG = Logger.getLogger(LlmClients.class.getName());

    @Inject
    @ConfigProperty(name = "genesis.llm.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "genesis.llm.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "genesis.llm.model")
    String model;

    @Inject
    @ConfigProperty(name = "genesis.llm.temperature")
    double temperature;

    @Inject
    @ConfigProperty(name = "genesis.llm.connect-timeout-ms")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "genesis.llm.timeout-ms")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "genesis.llm.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "genesis.llm.backoff-base-ms")
    long backoffBaseMs;

    @Inject
    @ConfigProperty(name = "genesis.llm.backoff-cap-ms")
    long backoffCapMs;

    @Inject
    @ConfigProperty(name = "genesis.llm.key-header")
    String keyHeader;

    @Inject
    @ConfigProperty(name = "genesis.llm.api-version")
    Optional<String> apiVersion;

    @Inject
    @ConfigProperty(name = "genesis.llm.response-format")
    String responseFormat;

    @Inject
    GuardedCompletions guard;

    private Optional<LlmSettings> settings;

    @PostConstruct
    void read() {
        Optional<String> url = baseUrl.map(String::strip).filter(value -> !value.isEmpty());
        settings = url.map(value -> new LlmSettings(URI.create(value), apiKey.orElse(null), model, temperature,
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(timeoutMs), maxAttempts, backoffBaseMs, backoffCapMs,
                keyHeader(keyHeader), apiVersion.orElse(null), ResponseFormat.of(responseFormat)));
    }

    /** The endpoint's settings; empty when no model is configured. */
    public Optional<LlmSettings> settings() {
        return settings;
    }

    @Produces
    @ApplicationScoped
    ChatModel chatModel() {
        if (settings.isEmpty()) {
            LOG.info("No genesis.llm.base-url: agents work offline");
            return ChatModel.NONE;
        }
        LlmSettings endpoint = settings.get();
        LOG.info("LLM completions from " + endpoint.completionsUrl() + " with model " + model + ", response format "
                + endpoint.responseFormat().wireName() + (endpoint.apiKey() == null ? ", no API key" : ", API key set"));
        ChatModel client = new OpenAiCompatibleLlmClient(endpoint);
        return request -> {
            try {
                return guard.chat(client, request);
            } catch (FaultToleranceException e) {
                throw new LlmException(0, "LLM endpoint not called: " + e.getClass().getSimpleName()
                        + " (it failed repeatedly just now, or too many completions are running)");
            }
        };
    }

    @Produces
    @ApplicationScoped
    LlmClient llmClient(ChatModel chat) {
        return settings.map(endpoint -> LlmClient.over(chat, endpoint)).orElse(LlmClient.OFFLINE);
    }

    private static LlmSettings.KeyHeader keyHeader(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "authorization", "bearer" -> LlmSettings.KeyHeader.BEARER;
            case "api-key" -> LlmSettings.KeyHeader.API_KEY;
            default -> throw new IllegalArgumentException("genesis.llm.key-header must be authorization or api-key (got " + name + ")");
        };
    }
}
