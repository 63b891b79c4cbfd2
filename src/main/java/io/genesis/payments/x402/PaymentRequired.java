package io.genesis.payments.x402;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The vendor's 402 answer (x402 v2 §5.1) from its {@code PAYMENT-REQUIRED} header: {@code text} is the decoded JSON
 * exactly as received (stored verbatim), the rest is what the client needs from it.
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
        JsonObject json = X402.parse(text);
        if (!(json.get("x402Version") instanceof JsonNumber version)) {
            throw new IllegalArgumentException("x402Version is required");
        }
        if (!(json.get("resource") instanceof JsonObject resource) || !(resource.get("url") instanceof jakarta.json.JsonString)) {
            throw new IllegalArgumentException("resource.url is required");
        }
        if (!(json.get("accepts") instanceof JsonArray accepts) || accepts.isEmpty()) {
            throw new IllegalArgumentException("accepts must list at least one payment requirement");
        }
        List<PaymentRequirements> requirements = accepts.stream().map(entry -> {
            if (!(entry instanceof JsonObject object)) {
                throw new IllegalArgumentException("accepts[] entries must be objects");
            }
            return PaymentRequirements.from(object);
        }).toList();
        JsonValue extensions = json.get("extensions");
        return new PaymentRequired(version.intValue(), json.getString("error", null), resource, requirements,
                extensions instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, text);
    }

    /** The first requirement with the exact scheme on {@code network}, else the first one (the policy judges it). */
    public PaymentRequirements choose(String network) {
        return accepts.stream().filter(r -> X402.SCHEME_EXACT.equals(r.scheme()) && r.network().equals(network))
                .findFirst().orElse(accepts.get(0));
    }

    public String resourceUrl() {
        return resource.getString("url");
    }
}
