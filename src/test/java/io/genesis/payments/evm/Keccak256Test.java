package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published Keccak-256 digests (Ethereum's Keccak, not NIST SHA3-256, whose empty digest is a7ffc6f8…). */
class Keccak256Test {

    @Test
    void theEmptyInputHashesToTheWellKnownEthereumValue() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", hex(Keccak256.hash("")));
    }

    @Test
    void abcAndPartsHashLikeOneInput() {
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", hex(Keccak256.hash("abc")));
        assertEquals(hex(Keccak256.hash("abc")), hex(Keccak256.hash("a".getBytes(), "bc".getBytes())));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
