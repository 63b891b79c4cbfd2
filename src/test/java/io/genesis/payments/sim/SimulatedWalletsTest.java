package io.genesis.payments.sim;

import io.genesis.payments.evm.EvmAddress;
import io.genesis.payments.x402.Authorization;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedWalletsTest {

    private static final String USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e";
    private final SimulatedWallets wallets = new SimulatedWallets("test-only-seed");

    private Authorization authorization(String from) {
        return new Authorization(from, "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", new BigInteger("250000"), 1740672089,
                1740673889, "0x" + "ab".repeat(32));
    }

    @Test
    void eachAgentHasItsOwnStableEthereumAddress() {
        String research = wallets.address("research_agent");
        assertEquals(research, EvmAddress.checksummed(research), "EIP-55");
        assertEquals(research, new SimulatedWallets("test-only-seed").address("research_agent"), "derived, not random");
        assertNotEquals(research, wallets.address("qa_agent"));
        assertNotEquals(research, new SimulatedWallets("another-seed").address("research_agent"));
    }

    @Test
    void aSignatureIsARealEip712SignatureOfThePayer() {
        Authorization authorization = authorization(wallets.address("research_agent"));
        String signature = wallets.sign("research_agent", authorization, "eip155:84532", USDC, "USDC", "2");
        assertTrue(signature.matches("0x[0-9a-f]{130}"), signature);
        assertTrue(authorization.signedByPayer(signature, "eip155:84532", USDC, "USDC", "2"));
        assertFalse(authorization.signedByPayer(signature, "eip155:84532", USDC, "USDC", "1"), "another domain version");
        Authorization someoneElses = authorization(wallets.address("qa_agent"));
        assertFalse(someoneElses.signedByPayer(signature, "eip155:84532", USDC, "USDC", "2"), "signed by another wallet");
        assertFalse(authorization.signedByPayer("0x1234", "eip155:84532", USDC, "USDC", "2"));
        assertFalse(authorization.signedByPayer(null, "eip155:84532", USDC, "USDC", "2"));
    }
}
