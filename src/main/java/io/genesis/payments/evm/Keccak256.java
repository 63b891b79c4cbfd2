package io.genesis.payments.evm;

import org.bouncycastle.crypto.digests.KeccakDigest;

import java.nio.charset.StandardCharsets;

/** Keccak-256 as Ethereum uses it: the original Keccak padding, not NIST SHA3-256. */
public final class Keccak256 {

    private Keccak256() {
    }

    /** The 32-byte hash of the parts, concatenated. */
    public static byte[] hash(byte[]... parts) {
        KeccakDigest digest = new KeccakDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** The hash of the text's UTF-8 bytes. */
    public static byte[] hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
