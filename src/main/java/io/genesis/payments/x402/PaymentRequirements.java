package io.genesis.payments.x402;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigInteger;

/**
 * One entry of {@code accepts[]}; {@code json} is the entry exactly as the vendor sent it. A v2 entry (§5.1) is read
 * as is; a v1 entry's {@code maxAmountRequired} is the amount and its network name is mapped to CAIP-2
 * ({@link NetworkNames}), so {@code network} is always CAIP-2 and {@link #wireNetwork} what the vendor wrote.
 */
public record PaymentRequirements(X402Version version, String scheme, String network, BigInteger amount, String asset,
                                  String payTo, int maxTimeoutSeconds, JsonObject extra, JsonObject json) {

    /** Reads a v2 entry; {@link IllegalArgumentException} names the first missing or malformed member. */
    public static PaymentRequirements from(JsonObject json) {
        return read(json, X402Version.V2);
    }

    /** Reads an entry of the given version; {@link IllegalArgumentException} names the first missing or malformed member. */
    public static PaymentRequirements read(JsonObject json, X402Version version) {
        boolean v1 = version == X402Version.V1;
        String amountMember = v1 ? "maxAmountRequired" : "amount";
        String amount = text(json, amountMember);
        BigInteger atomic;
        try {
            atomic = new BigInteger(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("accepts[]." + amountMember + " must be a decimal string of atomic units, got " + amount);
        }
        if (!(json.get("maxTimeoutSeconds") instanceof JsonNumber timeout)) {
            throw new IllegalArgumentException("accepts[].maxTimeoutSeconds is required");
        }
        if (v1) {
            text(json, "resource");
        }
        JsonValue extra = json.get("extra");
        String network = text(json, "network");
        return new PaymentRequirements(version, text(json, "scheme"), v1 ? NetworkNames.caip2(network) : network, atomic,
                text(json, "asset"), text(json, "payTo"), timeout.intValue(),
                extra instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, json);
    }

    /** The network exactly as the vendor wrote it (a v1 name such as {@code base-sepolia}, or CAIP-2 in v2). */
    public String wireNetwork() {
        return json.getString("network");
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
