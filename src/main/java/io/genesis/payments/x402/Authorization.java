package io.genesis.payments.x402;

import io.genesis.api.JsonConventions;
import io.genesis.payments.evm.Eip712Domain;
import io.genesis.payments.evm.Signature;
import io.genesis.payments.evm.TransferWithAuthorization;
import jakarta.json.JsonObject;

import java.math.BigInteger;

/**
 * The {@code payload.authorization} of an x402 exact EVM payment, an EIP-3009 {@code TransferWithAuthorization}: on
 * the wire every value a decimal string, the nonce {@code 0x} + 64 hex. {@link #digest} is what its signature covers.
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

    /** This authorization as the EIP-3009 message it stands for. */
    public TransferWithAuthorization message() {
        return new TransferWithAuthorization(from, to, value, validAfter, validBefore, nonce);
    }

    /**
     * The EIP-712 digest the payer signs: this message under the token's domain ({@code extra.name},
     * {@code extra.version}, the chain of the CAIP-2 {@code network}, the {@code asset} contract).
     * {@link IllegalArgumentException} when a value cannot be encoded (not an EVM network, not an address, …).
     */
    public byte[] digest(String network, String asset, String domainName, String domainVersion) {
        return message().digest(Eip712Domain.of(domainName, domainVersion, network, asset));
    }

    /**
     * True when {@code signature} ({@code 0x} + 65 bytes, low-s, v 27/28) recovers, over {@link #digest}, to
     * {@code from}: what a facilitator checks for an externally owned account. False for anything malformed.
     */
    public boolean signedByPayer(String signature, String network, String asset, String domainName, String domainVersion) {
        try {
            return Signature.fromHex(signature).signer(digest(network, asset, domainName, domainVersion))
                    .filter(from::equalsIgnoreCase).isPresent();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
