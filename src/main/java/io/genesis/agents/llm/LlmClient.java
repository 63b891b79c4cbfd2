package io.genesis.agents.llm;

import java.util.Optional;

/**
 * Asks a language model for one completion. Empty means "no completion to use" (no model configured, or the model
 * answered with nothing): the caller then does its deterministic offline work. A model that is configured but
 * failing is an {@link LlmException}.
 */
public interface LlmClient {

    /** The client used when no model is configured: always empty. */
    LlmClient OFFLINE = (system, user, options) -> Optional.empty();

    Optional<String> complete(String system, String user, LlmOptions options) throws InterruptedException;
}
