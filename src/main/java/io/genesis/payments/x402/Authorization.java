package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;

import java.math.BigInteger;

/**
 * An EIP-3009 {@code TransferWithAuthorization}: every value a decimal string, the nonce {@code 0x} + 64 hex.
 * {@link #typedData} is the canonical text a signature covers (the EIP-712 domain and message fields in order).
 */
public record Authorization(String from, String to, BigInteger value, long validAfter, long validBefore, String nonce) {

    public JsonObject toJson() {
        return JsonConventions.json().createObjectBuilder()
                .add("from", from)
                .add("to", to)
                .add("value", value.toString())
                .add("validAfter", Long.toString(validAfter))
                .add("validBefore", Long.toString(validBefore))
                .add("nonce", nonce)
                .build();
    }

    /** Reads {@code payload.authorization}; {@link IllegalArgumentException} when a member is missing or malformed. */
    public static Authorization from(JsonObject json) {
        try {
            return new Authorization(PaymentRequirements.text(json, "from"), PaymentRequirements.text(json, "to"),
                    new BigInteger(PaymentRequirements.text(json, "value")),
                    Long.parseLong(PaymentRequirements.text(json, "validAfter")),
                    Long.parseLong(PaymentRequirements.text(json, "validBefore")), PaymentRequirements.text(json, "nonce"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("authorization values must be decimal strings", e);
        }
    }

    /** EIP-712 domain (name, version, chainId, verifyingContract) and message, as one canonical line. */
    public String typedData(String network, String asset, String domainName, String domainVersion) {
        return String.join("|", "TransferWithAuthorization", domainName, domainVersion, network, asset.toLowerCase(),
                from.toLowerCase(), to.toLowerCase(), value.toString(), Long.toString(validAfter), Long.toString(validBefore),
                nonce.toLowerCase());
    }
}
