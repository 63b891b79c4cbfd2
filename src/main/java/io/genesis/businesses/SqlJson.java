package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;

/** JSON-P values to and from the text of PostgreSQL jsonb columns. */
final class SqlJson {

    private SqlJson() {
    }

    static JsonObject object(String text) {
        JsonValue value = value(text);
        return value instanceof JsonObject object ? object : null;
    }

    static JsonValue value(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static List<String> strings(String text) {
        JsonValue value = value(text);
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static String text(JsonValue value) {
        return value == null ? null : value.toString();
    }

    static String array(List<String> values) {
        var array = JsonConventions.json().createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
