package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * x402 header names (v2, and v1's {@code X-PAYMENT} pair; {@link X402Version} says which version uses which) and their
 * encoding: base64 of the UTF-8 JSON text of a spec object.
 */
public final class X402 {

    /** The version we speak unless the vendor quoted in another one. */
    public static final int VERSION = 2;
    public static final String PAYMENT_REQUIRED = "PAYMENT-REQUIRED";
    public static final String PAYMENT_SIGNATURE = "PAYMENT-SIGNATURE";
    public static final String PAYMENT_RESPONSE = "PAYMENT-RESPONSE";
    public static final String X_PAYMENT = "X-PAYMENT";
    public static final String X_PAYMENT_RESPONSE = "X-PAYMENT-RESPONSE";
    public static final String SCHEME_EXACT = "exact";

    private X402() {
    }

    public static String encode(JsonObject object) {
        return Base64.getEncoder().encodeToString(object.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON text inside a header value; {@link IllegalArgumentException} when it is not base64. */
    public static String decodeText(String header) {
        return new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
    }

    /** A header value (or raw JSON text when {@code base64} is false) as an object; {@link IllegalArgumentException} when malformed. */
    public static JsonObject parse(String text) {
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    public static JsonObject decode(String header) {
        return parse(decodeText(header));
    }
}
