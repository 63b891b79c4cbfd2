package io.genesis.payments.evm;

import org.bouncycastle.math.ec.ECPoint;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

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

    /**
     * An address as given by a person (configuration, a request) in its EIP-55 form: {@code 0x} + 40 hex digits, all
     * lower- or all upper-case (no checksum to check), or mixed-case, which must then be the EIP-55 checksum: a typo
     * in a mixed-case address is refused rather than silently paid.
     */
    public static String parseChecksummed(String address) {
        String checksummed = checksummed(address);
        String digits = address.substring(2);
        boolean singleCase = digits.equals(digits.toLowerCase(Locale.ROOT)) || digits.equals(digits.toUpperCase(Locale.ROOT));
        if (!singleCase && !checksummed.substring(2).equals(digits)) {
            throw new IllegalArgumentException(address + " is mixed-case but not a valid EIP-55 checksum (expected " + checksummed
                    + "): check it for a typo");
        }
        return checksummed;
    }

    /** True when both are the same 20 bytes, whatever their case. */
    public static boolean same(String one, String other) {
        return isAddress(one) && isAddress(other) && Arrays.equals(bytes(one), bytes(other));
    }

    static String of(ECPoint publicKey) {
        byte[] uncompressed = publicKey.getEncoded(false);
        byte[] hash = Keccak256.hash(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return checksummed("0x" + HexFormat.of().formatHex(hash, 12, 32));
    }
}
