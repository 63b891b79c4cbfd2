package io.genesis.payments.evm;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A recoverable secp256k1 signature as Ethereum writes it: 65 bytes {@code r || s || v}, {@code v} 27 or 28, {@code s}
 * in the lower half of the curve order (what USDC's {@code ECRecover} and OpenZeppelin's {@code ECDSA} accept).
 */
public record Signature(BigInteger r, BigInteger s, int v) {

    public Signature {
        if (r == null || r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("signature r must be in [1, n-1]");
        }
        if (s == null || s.signum() <= 0 || s.compareTo(Secp256k1.HALF_N) > 0) {
            throw new IllegalArgumentException("signature s must be in [1, n/2] (low-s)");
        }
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("signature v must be 27 or 28");
        }
    }

    /** Reads {@code 0x} + 130 hex digits; {@link IllegalArgumentException} when malformed, high-s or v not 27/28. */
    public static Signature fromHex(String hex) {
        byte[] bytes = Hex.bytes(hex, 65, "a signature");
        return new Signature(new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32)), new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64)),
                bytes[64] & 0xff);
    }

    /** {@code 0x} + 130 lower-case hex digits. */
    public String toHex() {
        byte[] bytes = new byte[65];
        System.arraycopy(Words.uint256(r), 0, bytes, 0, 32);
        System.arraycopy(Words.uint256(s), 0, bytes, 32, 32);
        bytes[64] = (byte) v;
        return Hex.of(bytes);
    }

    /** {@code ecrecover}: the EIP-55 address whose key made this signature over the 32-byte digest, if any. */
    public Optional<String> signer(byte[] digest) {
        return Secp256k1.recover(digest, r, s, v - 27).map(EvmAddress::of);
    }
}
