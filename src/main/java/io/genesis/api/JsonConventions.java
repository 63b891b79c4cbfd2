package io.genesis.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;

/**
 * Genesis JSON is snake_case (task_id, poll_url) and omits null members; JSON-B and JSON-P instances are shared. Request
 * bodies are read with the same conventions, made strict, by {@code io.genesis.problem.RequestJson}.
 */
public final class JsonConventions {

    /** The JSON-P provider, looked up once: each {@code jakarta.json.Json.create*} call repeats a ServiceLoader lookup. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Created on first use, so code that needs only JSON-P does not need a JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create(config());
    }

    private JsonConventions() {
    }

    /** The conventions as a JSON-B configuration, for a {@link Jsonb} that adds to them. */
    static JsonbConfig config() {
        return new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false);
    }

    public static Jsonb jsonb() {
        return Binding.JSONB;
    }

    /** Use instead of the {@code jakarta.json.Json} statics (builders, readers) on every path that runs per task or request. */
    public static JsonProvider json() {
        return JSON;
    }

    /** Parses JSON text (a jsonb column, a hash field); {@code null} for null or empty text. */
    public static JsonValue read(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** {@link #read} when the text holds an object, else {@code null}. */
    public static JsonObject readObject(String text) {
        return read(text) instanceof JsonObject object ? object : null;
    }

    /** The strings of a JSON array (other values by their JSON text); empty for anything that is not an array. */
    public static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().map(item -> item instanceof JsonString s ? s.getString() : item.toString()).toList();
    }

    public static JsonArray array(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
