package io.genesis.payments.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.payments.PurchaseRequest;
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
                throw PurchaseRequest.field(400, "body", "A JSON object body is required");
            }
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue value;
        try (var reader = JsonConventions.json().createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw PurchaseRequest.field(400, "body", "Request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw PurchaseRequest.field(400, "body", "Request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    String text(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw PurchaseRequest.field(400, name, name + " must be a string");
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
                throw PurchaseRequest.field(422, name, name + " is absurdly large");
            }
        }
        throw PurchaseRequest.field(400, name, name + " must be a whole number of US cents");
    }

    JsonValue value(String name) {
        return json.get(name);
    }
}
