package io.genesis.payments.x402;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigInteger;

/** One entry of {@code accepts[]} (x402 v2 §5.1); {@code json} is the entry exactly as the vendor sent it. */
public record PaymentRequirements(String scheme, String network, BigInteger amount, String asset, String payTo,
                                  int maxTimeoutSeconds, JsonObject extra, JsonObject json) {

    /** Reads an entry; {@link IllegalArgumentException} names the first missing or malformed member. */
    public static PaymentRequirements from(JsonObject json) {
        String amount = text(json, "amount");
        BigInteger atomic;
        try {
            atomic = new BigInteger(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("accepts[].amount must be a decimal string of atomic units, got " + amount);
        }
        if (!(json.get("maxTimeoutSeconds") instanceof JsonNumber timeout)) {
            throw new IllegalArgumentException("accepts[].maxTimeoutSeconds is required");
        }
        JsonValue extra = json.get("extra");
        return new PaymentRequirements(text(json, "scheme"), text(json, "network"), atomic, text(json, "asset"),
                text(json, "payTo"), timeout.intValue(), extra instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, json);
    }

    /** {@code extra.name} / {@code extra.version}: the EIP-712 domain of the token. */
    public String domainName() {
        return extra.getString("name", "");
    }

    public String domainVersion() {
        return extra.getString("version", "");
    }

    static String text(JsonObject json, String name) {
        if (json.get(name) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw new IllegalArgumentException(name + " is required");
    }
}
