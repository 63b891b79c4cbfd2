package io.genesis.agents.llm;

import java.util.List;
import java.util.Optional;

/**
 * Asks a language model for one free-text completion. Empty means "no completion to use" (no model configured, or the
 * model answered with nothing): the caller then does its deterministic offline work. A model that is configured but
 * failing is an {@link LlmException}.
 */
public interface LlmClient {

    /** The client used when no model is configured: always empty. */
    LlmClient OFFLINE = (system, user, options) -> Optional.empty();

    Optional<String> complete(String system, String user, LlmOptions options) throws InterruptedException;

    /** Completions of the default model and temperature of {@code settings} through {@code model}. */
    static LlmClient over(ChatModel model, LlmSettings settings) {
        return (system, user, options) -> {
            LlmOptions given = options == null ? LlmOptions.DEFAULTS : options;
            ChatAnswer answer = model.chat(new ChatRequest(settings.model(),
                    List.of(ChatMessage.system(system), ChatMessage.user(user)),
                    given.temperature() == null ? settings.temperature() : given.temperature(), given.maxTokens(), null, null, null));
            return answer.content().isBlank() ? Optional.empty() : Optional.of(answer.content());
        };
    }
}
