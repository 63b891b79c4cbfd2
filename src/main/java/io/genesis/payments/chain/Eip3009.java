package io.genesis.payments.chain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The read side of an EIP-3009 token (USDC's FiatTokenV2) in ABI encoding: the {@code authorizationState} call and the
 * {@code AuthorizationUsed} event. The selector and topic are constants; Eip3009Test recomputes them with Keccak256.
 */
public final class Eip3009 {

    /** {@code authorizationState(address authorizer, bytes32 nonce) returns (bool)}: keccak-256 of the signature, first 4 bytes. */
    public static final String AUTHORIZATION_STATE = "0xe94a0102";
    /** topic0 of {@code AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce)}: keccak-256 of the signature. */
    public static final String AUTHORIZATION_USED = "0x98de503528ee59b575ef0c0a2576a82497bfc029a5685b209e9ec333479b10a5";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern WORD = Pattern.compile("0x[0-9a-fA-F]{64}");

    private Eip3009() {
    }

    /** Call data of {@code authorizationState(authorizer, nonce)}: the selector and two 32-byte words. */
    public static String authorizationStateCall(String authorizer, String nonce) {
        return AUTHORIZATION_STATE + addressWord(authorizer).substring(2) + word(nonce).substring(2);
    }

    /** An address as a 32-byte word (left-padded), as call data and indexed topics carry it. */
    public static String addressWord(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not an address (0x + 40 hex): " + address);
        }
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
    }

    /** A bytes32 value (the nonce), lower-case. */
    public static String word(String bytes32) {
        if (!WORD.matcher(bytes32).matches()) {
            throw new IllegalArgumentException("not a 32-byte value (0x + 64 hex): " + bytes32);
        }
        return bytes32.toLowerCase(Locale.ROOT);
    }

    /** An ABI-encoded {@code bool} result: one 32-byte word, 0 or 1. */
    public static boolean bool(String result) {
        if (!WORD.matcher(result).matches()) {
            throw new IllegalArgumentException("not an ABI bool (one 32-byte word): " + result);
        }
        return new BigInteger(result.substring(2), 16).signum() != 0;
    }

    /** A JSON-RPC quantity ({@code 0x}-prefixed hex, no leading zeros). */
    public static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }

    public static long quantity(String hex) {
        if (hex == null || !hex.startsWith("0x") || hex.length() < 3) {
            throw new IllegalArgumentException("not a JSON-RPC quantity: " + hex);
        }
        return Long.parseLong(hex.substring(2), 16);
    }
}
