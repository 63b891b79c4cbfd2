package io.genesis.agents.llm;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.List;

/**
 * One chat completion to ask for.
 *
 * @param model       the model name sent in the request
 * @param maxTokens   {@code max_tokens}, or null for the endpoint's own limit
 * @param timeout     how long one HTTP attempt may take, or null for {@code genesis.llm.timeout-ms}
 * @param schemaName  the name of {@code schema} in {@code response_format.json_schema.name}; null with no schema
 * @param schema      the JSON Schema the answer must match, or null for free text
 */
public record ChatRequest(String model, List<ChatMessage> messages, double temperature, Integer maxTokens, Duration timeout,
                          String schemaName, JsonObject schema) {

    public ChatRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a chat request needs a model");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs messages");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be within 0..2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be positive");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("a chat request's timeout must be positive");
        }
        if ((schema == null) != (schemaName == null)) {
            throw new IllegalArgumentException("a schema needs a name, a name needs a schema");
        }
    }
}
