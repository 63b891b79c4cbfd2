package io.genesis.agents.llm;

/**
 * Asks the configured OpenAI-compatible model for one chat completion. Failing to get one (refused request, retries
 * exhausted, an open circuit, a full bulkhead, no model configured) is an {@link LlmException}.
 */
@FunctionalInterface
public interface ChatModel {

    /** The model used when none is configured: every call fails. */
    ChatModel NONE = request -> {
        throw new LlmException(0, "no model configured (genesis.llm.base-url is not set)");
    };

    ChatAnswer chat(ChatRequest request) throws InterruptedException;
}
