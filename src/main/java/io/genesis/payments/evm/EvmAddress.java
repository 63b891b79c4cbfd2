package io.genesis.payments.evm;

import org.bouncycastle.math.ec.ECPoint;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ethereum account addresses: the last 20 bytes of Keccak-256 of the uncompressed public key (without its 0x04
 * prefix), written in the EIP-55 mixed-case checksum form.
 */
public final class EvmAddress {

    private EvmAddress() {
    }

    /** The 20 bytes of {@code 0x} + 40 hex digits in any case (the checksum is not enforced on input). */
    public static byte[] bytes(String address) {
        return Hex.bytes(address, 20, "an address");
    }

    /** True for {@code 0x} + 40 hex digits. */
    public static boolean isAddress(String text) {
        try {
            bytes(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The EIP-55 checksummed form of an address. */
    public static String checksummed(String address) {
        String lower = HexFormat.of().formatHex(bytes(address));
        String hash = HexFormat.of().formatHex(Keccak256.hash(lower));
        StringBuilder mixed = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            mixed.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    static String of(ECPoint publicKey) {
        byte[] uncompressed = publicKey.getEncoded(false);
        byte[] hash = Keccak256.hash(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return checksummed("0x" + HexFormat.of().formatHex(hash, 12, 32));
    }
}
