package io.genesis.agents.llm;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a completion asks for structured output ({@code genesis.llm.response-format}): {@link #JSON_SCHEMA} sends the
 * artefact's schema as {@code response_format: {type: json_schema}} (OpenAI, Azure OpenAI, vLLM, recent Ollama);
 * {@link #JSON_OBJECT} sends {@code {type: json_object}} and the schema in the prompt (servers that only know JSON
 * mode); {@link #NONE} sends no {@code response_format}, only the JSON-only instruction and the schema in the prompt.
 */
public enum ResponseFormat {
    JSON_SCHEMA, JSON_OBJECT, NONE;

    /** Whether the schema must be written into the prompt because the request does not carry it. */
    public boolean schemaInPrompt() {
        return this != JSON_SCHEMA;
    }

    /** {@code json_schema}, {@code json_object} or {@code none}, case-insensitive. */
    public static ResponseFormat of(String name) {
        return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("genesis.llm.response-format must be one of"
                        + " json_schema, json_object, none (got " + name + ")"));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
