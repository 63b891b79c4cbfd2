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
import java.util.Optional;

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

    /**
     * Refuses {@code value} (400 naming the field) when a NUL sits anywhere in it: no stored text may hold one.
     * {@code root} is the field the value is ({@code "content"}), or {@code ""} for a whole request body.
     */
    public static void refuseNul(String root, JsonValue value) {
        nulAt(value).ifPresent(path -> {
            String field = root.isEmpty() ? path : path.isEmpty() ? root : path.startsWith("[") ? root + path : root + "." + path;
            throw new InvalidParameter(field, field + " contains a NUL character (\\u0000), which no stored text may hold");
        });
    }

    /**
     * Where the first NUL character (U+0000) sits in {@code value}, in a string or a member name, as a dotted path
     * ({@code requirements.mvp_features[2]}; {@code ""} for the value itself); empty when there is none. PostgreSQL
     * text and jsonb cannot hold it, so a body headed for the database is refused with this path.
     */
    public static Optional<String> nulAt(JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString().indexOf('\u0000') >= 0 ? Optional.of("") : Optional.empty();
        }
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                Optional<String> inner = nulAt(array.get(i)).map(path -> "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        if (value instanceof JsonObject object) {
            for (var member : object.entrySet()) {
                if (member.getKey().indexOf('\u0000') >= 0) {
                    return Optional.of(member.getKey().replace("\u0000", "\\u0000"));
                }
                Optional<String> inner = nulAt(member.getValue())
                        .map(path -> member.getKey() + (path.isEmpty() || path.startsWith("[") ? path : "." + path));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    public static JsonArray array(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
