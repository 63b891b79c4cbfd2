package io.genesis.agents.llm;

/**
 * What the model answered: {@code choices[0].message.content} (empty when it gave none), its {@code refusal} (null
 * unless it refused), the model the server says answered, and the token usage it reported (0 when it reported none).
 */
public record ChatAnswer(String content, String refusal, String model, long promptTokens, long completionTokens) {

    public ChatAnswer {
        content = content == null ? "" : content;
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public boolean refused() {
        return refusal != null && !refusal.isBlank();
    }
}
