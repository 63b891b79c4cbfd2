package io.genesis.payments.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.payments.InvalidPaymentRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** A request body as a JSON object whose members are read by name; a wrong type is a 400 naming the member. */
record JsonBody(JsonObject json) {

    static JsonBody parse(String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw InvalidPaymentRequest.malformed("body", "A JSON object body is required");
            }
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue value;
        try (var reader = JsonConventions.json().createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw InvalidPaymentRequest.malformed("body", "Request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw InvalidPaymentRequest.malformed("body", "Request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    /**
     * A member that has two accepted names (the documented one and an alias, e.g. the issue's {@code reason} for
     * {@code purpose}): whichever is present; both with different values is a 400 naming both.
     */
    String text(String name, String alias) {
        return either(name, alias, text(name), text(alias));
    }

    /** {@link #whole(String)} under a name or its alias, as {@link #text(String, String)}. */
    Long whole(String name, String alias) {
        return either(name, alias, whole(name), whole(alias));
    }

    /** The name under which the value of {@link #text(String, String)} or {@link #whole(String, String)} was given. */
    String given(String name, String alias) {
        return json.containsKey(alias) && !json.containsKey(name) ? alias : name;
    }

    private static <T> T either(String name, String alias, T value, T aliased) {
        if (value != null && aliased != null && !value.equals(aliased)) {
            throw InvalidPaymentRequest.malformed(name, name + " and " + alias + " mean the same; give one, or the same value in both");
        }
        return value != null ? value : aliased;
    }

    String text(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw InvalidPaymentRequest.malformed(name, name + " must be a string");
    }

    Long whole(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw InvalidPaymentRequest.unprocessable(name, name + " is absurdly large");
            }
        }
        throw InvalidPaymentRequest.malformed(name, name + " must be a whole number of US cents");
    }

    /** A true/false member; absent or null is {@code fallback}. */
    boolean flag(String name, boolean fallback) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw InvalidPaymentRequest.malformed(name, name + " must be true or false");
    }

    JsonValue value(String name) {
        return json.get(name);
    }
}
