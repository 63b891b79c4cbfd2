package io.genesis.payments.evm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EIP-55 against the test vectors published in the EIP itself. */
class EvmAddressTest {

    private static final List<String> EIP55_MIXED = List.of(
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");

    @Test
    void checksumsThePublishedVectors() {
        for (String address : EIP55_MIXED) {
            assertEquals(address, EvmAddress.checksummed(address.toLowerCase()));
            assertEquals(address, EvmAddress.parseChecksummed(address));
        }
        assertEquals("0x52908400098527886E0F7030069857D2E4169EE7", EvmAddress.checksummed("0x52908400098527886e0f7030069857d2e4169ee7"));
        assertEquals("0xde709f2102306220921060314715629080e2fb77", EvmAddress.checksummed("0xDE709F2102306220921060314715629080E2FB77"));
    }

    @Test
    void singleCaseInputHasNoChecksumToCheck() {
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EvmAddress.parseChecksummed("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        assertEquals("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EvmAddress.parseChecksummed("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));
    }

    @Test
    void mixedCaseWithAWrongChecksumIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EvmAddress.parseChecksummed("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assertTrue(refused.getMessage().contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EvmAddress.parseChecksummed("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"));
        assertThrows(IllegalArgumentException.class, () -> EvmAddress.parseChecksummed("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    @Test
    void comparesTheBytesNotTheCase() {
        assertTrue(EvmAddress.same("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        assertFalse(EvmAddress.same("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"));
        assertFalse(EvmAddress.same("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "not an address"));
    }
}
