package io.genesis.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * The JSON text of a JSON-P value, written as JSON-P writes it (members in their order, no whitespace, strings escaped
 * the same way) but straight into one builder: the runtime writes every task's output once, and a string without
 * anything to escape is copied whole instead of character by character.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The value's JSON text; {@code null} for a Java null. */
    public static String of(JsonValue value) {
        if (value == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(256);
        write(text, value);
        return text.toString();
    }

    private static void write(StringBuilder text, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                text.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    if (!first) {
                        text.append(',');
                    }
                    first = false;
                    quote(text, member.getKey());
                    text.append(':');
                    write(text, member.getValue());
                }
                text.append('}');
            }
            case ARRAY -> {
                text.append('[');
                boolean first = true;
                for (JsonValue item : value.asJsonArray()) {
                    if (!first) {
                        text.append(',');
                    }
                    first = false;
                    write(text, item);
                }
                text.append(']');
            }
            case STRING -> quote(text, ((JsonString) value).getString());
            case NUMBER -> text.append(((JsonNumber) value).toString());
            case TRUE -> text.append("true");
            case FALSE -> text.append("false");
            default -> text.append("null");
        }
    }

    /** Appends {@code value} as a JSON string: {@code "} and {@code \} escaped, control characters as escapes. */
    public static void quote(StringBuilder text, String value) {
        text.append('"');
        int length = value.length();
        int from = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            text.append(value, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        text.append(value, from, length).append('"');
    }
}
