package io.genesis.payments.evm;

import java.math.BigInteger;

/** ABI encoding of static values into 32-byte words, as {@code abi.encode} lays them out. */
final class Words {

    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private Words() {
    }

    static byte[] uint256(BigInteger value) {
        if (value == null || value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new IllegalArgumentException("a uint256 must be in [0, 2^256)");
        }
        byte[] raw = value.toByteArray();
        byte[] word = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, word, 32 - length, length);
        return word;
    }

    /** An address, left-padded with zeros. */
    static byte[] address(String address) {
        byte[] word = new byte[32];
        System.arraycopy(EvmAddress.bytes(address), 0, word, 12, 20);
        return word;
    }
}
