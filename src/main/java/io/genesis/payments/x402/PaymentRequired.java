package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The vendor's 402 answer: {@code text} is the JSON exactly as received (stored verbatim), the rest is what the client
 * needs from it. As the reference TS client does, the {@code PAYMENT-REQUIRED} header comes first ({@link #fromHeader})
 * and a v1 body is the fallback ({@link #fromV1Body}). A v1 {@code PaymentRequired} ({@code x402Version, error,
 * accepts}) has no top-level {@code resource}: its entries repeat {@code resource}, {@code description} and
 * {@code mimeType}, so {@code resource} here is built from the first entry. Any other version is read in the v2 shape
 * and left for the policy to refuse.
 */
public record PaymentRequired(int x402Version, String error, JsonObject resource, List<PaymentRequirements> accepts,
                              JsonObject extensions, String text) {

    public static PaymentRequired fromHeader(String header) {
        String text;
        try {
            text = X402.decodeText(header);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(X402.PAYMENT_REQUIRED + " is not base64: " + e.getMessage(), e);
        }
        return parse(text);
    }

    /** A 402 body holding an x402 v1 {@code PaymentRequired}; {@link IllegalArgumentException} for anything else. */
    public static PaymentRequired fromV1Body(String body) {
        JsonObject json;
        try {
            json = X402.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the body is not JSON", e);
        }
        if (!(json.get("x402Version") instanceof JsonNumber version) || version.intValue() != X402Version.V1.number()) {
            throw new IllegalArgumentException("the body is not an x402 v1 PaymentRequired (x402Version " + json.get("x402Version") + ")");
        }
        return parse(body);
    }

    /** The decoded JSON text of either version, as received or as stored. */
    public static PaymentRequired parse(String text) {
        JsonObject json = X402.parse(text);
        if (!(json.get("x402Version") instanceof JsonNumber number)) {
            throw new IllegalArgumentException("x402Version is required");
        }
        int version = number.intValue();
        boolean v1 = version == X402Version.V1.number();
        if (!v1 && (!(json.get("resource") instanceof JsonObject resource) || !(resource.get("url") instanceof JsonString))) {
            throw new IllegalArgumentException("resource.url is required");
        }
        if (!(json.get("accepts") instanceof JsonArray accepts) || accepts.isEmpty()) {
            throw new IllegalArgumentException("accepts must list at least one payment requirement");
        }
        List<PaymentRequirements> requirements = accepts.stream().map(entry -> {
            if (!(entry instanceof JsonObject object)) {
                throw new IllegalArgumentException("accepts[] entries must be objects");
            }
            return PaymentRequirements.read(object, v1 ? X402Version.V1 : X402Version.V2);
        }).toList();
        JsonValue extensions = json.get("extensions");
        return new PaymentRequired(version, json.getString("error", null),
                v1 ? v1Resource(requirements.get(0).json()) : json.getJsonObject("resource"), requirements,
                extensions instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, text);
    }

    private static JsonObject v1Resource(JsonObject entry) {
        var resource = JsonConventions.json().createObjectBuilder().add("url", entry.getString("resource"));
        if (entry.get("description") instanceof JsonString description) {
            resource.add("description", description);
        }
        if (entry.get("mimeType") instanceof JsonString mimeType) {
            resource.add("mimeType", mimeType);
        }
        return resource.build();
    }

    /** The first requirement with the exact scheme on {@code network} (CAIP-2), else the first one (the policy judges it). */
    public PaymentRequirements choose(String network) {
        return accepts.stream().filter(r -> X402.SCHEME_EXACT.equals(r.scheme()) && r.network().equals(network))
                .findFirst().orElse(accepts.get(0));
    }

    public String resourceUrl() {
        return resource.getString("url");
    }
}
