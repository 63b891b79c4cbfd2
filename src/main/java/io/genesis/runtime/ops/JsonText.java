package io.genesis.runtime.ops;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Optional;

/** Lenient reading of JSON text stored in Redis fields: what is not valid JSON is reported, never thrown. */
final class JsonText {

    private JsonText() {
    }

    static Optional<JsonValue> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<JsonObject> object(String text) {
        return parse(text).filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }

    /** A string member of an object, or null when absent or not a string. */
    static String string(JsonObject object, String member) {
        JsonValue value = object == null ? null : object.get(member);
        return value instanceof jakarta.json.JsonString text ? text.getString() : null;
    }
}
