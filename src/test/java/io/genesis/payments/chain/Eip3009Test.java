package io.genesis.payments.chain;

import io.genesis.payments.evm.Keccak256;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Eip3009Test {

    private static final String PAYER = "0x857b06519E91e3A54538791bDbb0E22373e36b66";
    private static final String NONCE = "0xF3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480";

    @Test
    void theSelectorAndTheEventTopicAreTheKeccakOfTheirSignatures() {
        String selector = HexFormat.of().formatHex(Keccak256.hash("authorizationState(address,bytes32)"), 0, 4);
        assertEquals(Eip3009.AUTHORIZATION_STATE, "0x" + selector);
        assertEquals(Eip3009.AUTHORIZATION_USED, "0x" + HexFormat.of().formatHex(Keccak256.hash("AuthorizationUsed(address,bytes32)")));
    }

    @Test
    void authorizationStateCallDataIsTheSelectorThenTheAddressAndNonceWords() {
        String data = Eip3009.authorizationStateCall(PAYER, NONCE);
        assertEquals(2 + 8 + 64 + 64, data.length());
        assertEquals("0xe94a0102"
                + "000000000000000000000000857b06519e91e3a54538791bdbb0e22373e36b66"
                + "f3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480", data);
    }

    @Test
    void anIndexedAddressTopicIsTheAddressLeftPaddedToAWord() {
        assertEquals("0x000000000000000000000000857b06519e91e3a54538791bdbb0e22373e36b66", Eip3009.addressWord(PAYER));
        assertEquals(66, Eip3009.AUTHORIZATION_USED.length());
    }

    @Test
    void boolResultsAndQuantitiesAreDecoded() {
        assertTrue(Eip3009.bool("0x" + "0".repeat(63) + "1"));
        assertFalse(Eip3009.bool("0x" + "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Eip3009.bool("0x"), "an empty result (no contract there) is no answer");
        assertEquals(0x14a34, Eip3009.quantity("0x14a34"));
        assertEquals("0x14a34", Eip3009.quantity(84532));
        assertEquals("0x0", Eip3009.quantity(0));
        assertThrows(IllegalArgumentException.class, () -> Eip3009.quantity("12"));
    }

    @Test
    void malformedAddressesAndNoncesAreRefusedBeforeAnyCall() {
        assertThrows(IllegalArgumentException.class, () -> Eip3009.authorizationStateCall("0x1234", NONCE));
        assertThrows(IllegalArgumentException.class, () -> Eip3009.authorizationStateCall(PAYER, "0x" + "ab".repeat(31)));
    }
}
