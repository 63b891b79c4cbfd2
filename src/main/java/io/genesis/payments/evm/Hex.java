package io.genesis.payments.evm;

import java.util.HexFormat;

/** {@code 0x}-prefixed hex as Ethereum writes it. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** The bytes of {@code 0x} + an even number of hex digits; {@link IllegalArgumentException} naming {@code what} otherwise. */
    static byte[] bytes(String hex, int length, String what) {
        if (hex == null || !hex.startsWith("0x") || hex.length() != 2 + 2 * length) {
            throw new IllegalArgumentException(what + " must be 0x and " + 2 * length + " hex digits");
        }
        try {
            return HEX.parseHex(hex, 2, hex.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be 0x and " + 2 * length + " hex digits", e);
        }
    }

    static String of(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }
}
