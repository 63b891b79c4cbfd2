package io.genesis.agents.llm;

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
 * Produces the {@link LlmClient}: an {@link OpenAiCompatibleLlmClient} behind {@link GuardedCompletions} when
 * {@code genesis.llm.base-url} is set (an open circuit or a full bulkhead is an {@link LlmException}, so callers fall
 * back as for any failing completion), otherwise {@link LlmClient#OFFLINE}. The API key comes from {@code genesis.llm.api-key} (env {@code GENESIS_LLM_API_KEY})
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
    GuardedCompletions guard;

    @Produces
    @ApplicationScoped
    LlmClient llmClient() {
        Optional<String> url = baseUrl.map(String::strip).filter(value -> !value.isEmpty());
        if (url.isEmpty()) {
            LOG.info("No genesis.llm.base-url: agents work offline");
            return LlmClient.OFFLINE;
        }
        LlmSettings settings = new LlmSettings(URI.create(url.get()), apiKey.orElse(null), model, temperature,
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(timeoutMs), maxAttempts, backoffBaseMs, backoffCapMs);
        LOG.info("LLM completions from " + settings.completionsUrl() + " with model " + model
                + (settings.apiKey() == null ? ", no API key" : ", API key set"));
        LlmClient client = new OpenAiCompatibleLlmClient(settings);
        return (system, user, options) -> {
            try {
                return guard.complete(client, system, user, options);
            } catch (FaultToleranceException e) {
                throw new LlmException(0, "LLM endpoint not called: " + e.getClass().getSimpleName()
                        + " (it failed repeatedly just now, or too many completions are running)");
            }
        };
    }
}
