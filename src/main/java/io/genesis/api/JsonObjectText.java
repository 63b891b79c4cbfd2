package io.genesis.api;

import java.math.BigDecimal;

/**
 * Writes one flat JSON object straight into text, for the hot paths that write the same small object per task (the
 * result row of every finished task): no tree, no generator, and strings without anything to escape copied as they
 * are. Members with a null value are left out, as in all Genesis JSON. Strings are escaped as JSON-P writes them
 * ({@code "}, {@code \}, control characters); everything else is copied unchanged.
 */
public final class JsonObjectText {

    private final StringBuilder text;
    private boolean empty = true;

    public JsonObjectText(int expectedLength) {
        text = new StringBuilder(expectedLength).append('{');
    }

    public JsonObjectText add(String name, String value) {
        if (value != null) {
            name(name);
            quote(text, value);
        }
        return this;
    }

    public JsonObjectText add(String name, long value) {
        name(name);
        text.append(value);
        return this;
    }

    /** A finite double (JSON has no NaN or infinity). */
    public JsonObjectText add(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + value);
        }
        name(name);
        text.append(value);
        return this;
    }

    public JsonObjectText add(String name, Double value) {
        return value == null ? this : add(name, value.doubleValue());
    }

    public JsonObjectText add(String name, BigDecimal value) {
        if (value != null) {
            name(name);
            text.append(value);
        }
        return this;
    }

    /** The object's text. */
    public String close() {
        return text.append('}').toString();
    }

    private void name(String name) {
        if (!empty) {
            text.append(',');
        }
        empty = false;
        quote(text, name);
        text.append(':');
    }

    /** Appends {@code value} as a JSON string. */
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
