package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalletKeyTest {

    /** TEST-ONLY: the published example key of the web3.js accounts documentation; never fund it. */
    private static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @Test
    void aKnownKeyHasItsPublishedChecksummedAddress() {
        assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", WalletKey.parse(KEY).address());
        assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", WalletKey.parse(KEY.substring(2).toUpperCase()).address(),
                "0x is optional and case does not matter");
    }

    /** EIP-55's own examples: all caps, all lower, and mixed. */
    @ParameterizedTest
    @ValueSource(strings = {"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55ChecksumsMatchTheSpecification(String address) {
        assertEquals(address, EvmAddress.checksummed(address.toLowerCase()));
        assertEquals(address, EvmAddress.checksummed("0x" + address.substring(2).toUpperCase()));
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        String secretLooking = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231z";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> WalletKey.parse(secretLooking));
        assertFalse(refused.getMessage().contains("4c0883a6"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalletKey.parse(KEY.substring(0, 64)), "too short");
        assertThrows(IllegalArgumentException.class, () -> WalletKey.parse("0x" + "0".repeat(64)), "zero is no key");
        assertThrows(IllegalArgumentException.class, () -> WalletKey.parse(Secp256k1.N.toString(16)), "n is no key");
        assertThrows(IllegalArgumentException.class, () -> WalletKey.parse(null));
        assertThrows(IllegalArgumentException.class, () -> WalletKey.parse("0x" + "٣".repeat(64)), "ASCII hex digits only");
    }

    @Test
    void aKeyNeverPrintsItself() {
        WalletKey key = WalletKey.parse(KEY);
        assertEquals("WalletKey[0x2c7536E3605D9C16a7a3D7b1898e529396a65c23]", key.toString());
    }

    @Test
    void derivedKeysStayInsideTheCurveOrder() {
        byte[] max = new byte[32];
        java.util.Arrays.fill(max, (byte) 0xff);
        assertTrue(EvmAddress.isAddress(WalletKey.derivedFrom(max).address()));
        assertTrue(EvmAddress.isAddress(WalletKey.derivedFrom(new byte[32]).address()), "zero material maps to key 1");
        assertEquals(WalletKey.of(BigInteger.ONE).address(), WalletKey.derivedFrom(new byte[32]).address());
        assertEquals(WalletKey.of(BigInteger.ONE).address(), WalletKey.derivedFrom(Secp256k1.N.subtract(BigInteger.ONE).toByteArray()).address(),
                "n - 1 wraps to 1");
    }
}
