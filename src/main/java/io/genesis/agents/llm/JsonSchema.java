package io.genesis.agents.llm;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A strict validator for the subset of JSON Schema (2020-12) that the agents' artefact schemas use: {@code type}
 * (one name or a list), {@code properties}, {@code required}, {@code additionalProperties} (boolean or schema),
 * {@code items}, {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}
 * and {@code enum}; {@code $schema}, {@code title} and {@code description} are annotations. A schema using any other
 * keyword is refused when it is loaded ({@link #of}), so a schema never silently checks less than it says. Pure.
 */
public final class JsonSchema {

    /** Errors reported at most per validation: enough to repair an answer, short enough to send back. */
    public static final int MAX_ERRORS = 20;

    private static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "type", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "enum");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");

    private final JsonObject schema;

    private JsonSchema(JsonObject schema) {
        this.schema = schema;
    }

    /**
     * The schema, checked to use only the supported keywords with well-formed values.
     *
     * @throws IllegalArgumentException naming the first unsupported keyword or malformed value and where it is
     */
    public static JsonSchema of(JsonObject schema) {
        check(schema, "#");
        return new JsonSchema(schema);
    }

    /** The schema as given. */
    public JsonObject json() {
        return schema;
    }

    /** What is wrong with {@code value} ({@code $.path: problem}), at most {@value #MAX_ERRORS}; empty when it is valid. */
    public List<String> validate(JsonValue value) {
        List<String> errors = new ArrayList<>();
        validate(schema, value, "$", errors);
        return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : List.copyOf(errors);
    }

    private static void validate(JsonObject schema, JsonValue value, String path, List<String> errors) {
        if (errors.size() > MAX_ERRORS) {
            return;
        }
        if (schema.containsKey("type") && types(schema).stream().noneMatch(type -> is(type, value))) {
            errors.add(path + ": expected " + String.join(" or ", types(schema)) + ", got " + typeOf(value));
            return;
        }
        if (schema.get("enum") instanceof JsonArray allowed && !allowed.contains(value)) {
            errors.add(path + ": must be one of " + allowed);
        }
        switch (value.getValueType()) {
            case OBJECT -> object(schema, value.asJsonObject(), path, errors);
            case ARRAY -> array(schema, value.asJsonArray(), path, errors);
            case STRING -> {
                int length = ((JsonString) value).getString().codePointCount(0, ((JsonString) value).getString().length());
                bound(schema, "minLength", length, path, "shorter than", errors);
                bound(schema, "maxLength", length, path, "longer than", errors);
            }
            case NUMBER -> {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                if (schema.get("minimum") instanceof JsonNumber min && number.compareTo(min.bigDecimalValue()) < 0) {
                    errors.add(path + ": must be >= " + min);
                }
                if (schema.get("maximum") instanceof JsonNumber max && number.compareTo(max.bigDecimalValue()) > 0) {
                    errors.add(path + ": must be <= " + max);
                }
            }
            default -> {
            }
        }
    }

    private static void object(JsonObject schema, JsonObject value, String path, List<String> errors) {
        if (schema.get("required") instanceof JsonArray required) {
            required.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .filter(key -> !value.containsKey(key))
                    .forEach(key -> errors.add(path + ": missing required property " + key));
        }
        JsonObject properties = schema.get("properties") instanceof JsonObject given ? given : JsonValue.EMPTY_JSON_OBJECT;
        for (var entry : value.entrySet()) {
            String child = path + "." + entry.getKey();
            if (properties.get(entry.getKey()) instanceof JsonObject property) {
                validate(property, entry.getValue(), child, errors);
            } else if (schema.get("additionalProperties") instanceof JsonObject additional) {
                validate(additional, entry.getValue(), child, errors);
            } else if (schema.get("additionalProperties") == JsonValue.FALSE) {
                errors.add(child + ": not allowed (no such property)");
            }
        }
    }

    private static void array(JsonObject schema, JsonArray value, String path, List<String> errors) {
        bound(schema, "minItems", value.size(), path, "fewer items than", errors);
        bound(schema, "maxItems", value.size(), path, "more items than", errors);
        if (schema.get("items") instanceof JsonObject items) {
            for (int i = 0; i < value.size(); i++) {
                validate(items, value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static void bound(JsonObject schema, String keyword, int actual, String path, String relation, List<String> errors) {
        if (schema.get(keyword) instanceof JsonNumber limit) {
            boolean lower = keyword.startsWith("min");
            if (lower ? actual < limit.intValue() : actual > limit.intValue()) {
                errors.add(path + ": " + relation + " " + limit + " (" + actual + ")");
            }
        }
    }

    private static List<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        return type instanceof JsonString name ? List.of(name.getString())
                : type.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static boolean is(String type, JsonValue value) {
        return switch (type) {
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case "integer" -> value instanceof JsonNumber number && isWhole(number.bigDecimalValue());
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "null" -> value == JsonValue.NULL;
            default -> false;
        };
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void check(JsonObject schema, String where) {
        for (var entry : schema.entrySet()) {
            String keyword = entry.getKey();
            JsonValue value = entry.getValue();
            String at = where + "/" + keyword;
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("unsupported JSON Schema keyword " + at);
            }
            boolean wellFormed = switch (keyword) {
                case "type" -> value instanceof JsonString name ? TYPES.contains(name.getString())
                        : value instanceof JsonArray names && !names.isEmpty()
                        && names.stream().allMatch(name -> name instanceof JsonString s && TYPES.contains(s.getString()));
                case "properties" -> value instanceof JsonObject;
                case "required" -> value instanceof JsonArray names && names.stream().allMatch(JsonString.class::isInstance);
                case "additionalProperties" -> value instanceof JsonObject || value == JsonValue.TRUE || value == JsonValue.FALSE;
                case "items" -> value instanceof JsonObject;
                case "minItems", "maxItems", "minLength", "maxLength" ->
                        value instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 0;
                case "minimum", "maximum" -> value instanceof JsonNumber;
                case "enum" -> value instanceof JsonArray values && !values.isEmpty();
                default -> value instanceof JsonString;
            };
            if (!wellFormed) {
                throw new IllegalArgumentException("malformed JSON Schema keyword " + at + ": " + value);
            }
        }
        if (schema.get("properties") instanceof JsonObject properties) {
            properties.forEach((name, property) -> {
                if (!(property instanceof JsonObject child)) {
                    throw new IllegalArgumentException("malformed JSON Schema property " + where + "/properties/" + name);
                }
                check(child, where + "/properties/" + name);
            });
        }
        if (schema.get("additionalProperties") instanceof JsonObject additional) {
            check(additional, where + "/additionalProperties");
        }
        if (schema.get("items") instanceof JsonObject items) {
            check(items, where + "/items");
        }
    }
}
