package io.genesis.agents.llm;

/**
 * Per-request settings of a completion; null means the default: {@code genesis.llm.temperature} for the temperature,
 * the endpoint's own limit for the tokens.
 */
public record LlmOptions(Double temperature, Integer maxTokens) {

    public static final LlmOptions DEFAULTS = new LlmOptions(null, null);

    public LlmOptions {
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
    }
}
