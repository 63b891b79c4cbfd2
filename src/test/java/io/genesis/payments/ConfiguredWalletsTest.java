package io.genesis.payments;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfiguredWalletsTest {

    /** TEST-ONLY keys: the published web3.js example key and keccak256("cow") from the EIP-712 example. Never fund them. */
    private static final String SHARED = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String COW = "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";

    private static ConfiguredWallets wallets(Map<String, String> config) {
        return ConfiguredWallets.from(name -> Optional.ofNullable(config.get(name)), List.of("research_agent", "qa_agent"));
    }

    @Test
    void theSharedKeyPaysForEveryAgentUnlessOneHasItsOwn() {
        ConfiguredWallets wallets = wallets(Map.of(ConfiguredWallets.DEFAULT_KEY, SHARED,
                "genesis.payments.wallets.qa_agent.private-key", COW));
        assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", wallets.address("research_agent"));
        assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", wallets.address("qa_agent"));
        assertFalse(wallets.describe().contains(SHARED.substring(2, 12)) || wallets.describe().contains(COW.substring(0, 10)),
                wallets.describe());
        assertTrue(wallets.describe().contains("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"), wallets.describe());
    }

    @Test
    void aMalformedKeyIsNamedButNeverShown() {
        String truncated = SHARED.substring(0, 40);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> wallets(Map.of("genesis.payments.wallets.research_agent.private-key", truncated)));
        assertTrue(refused.getMessage().contains("genesis.payments.wallets.research_agent.private-key"), refused.getMessage());
        assertFalse(refused.getMessage().contains(truncated.substring(2, 12)), refused.getMessage());
    }

    @Test
    void withoutAnyKeyAPurchaseIsAServiceProblemNamingTheSettings() {
        ConfiguredWallets wallets = wallets(Map.of());
        NoPayerWallet problem = assertThrows(NoPayerWallet.class, () -> wallets.address("research_agent"));
        assertEquals("research_agent", problem.agentId());
        assertTrue(problem.getMessage().contains(ConfiguredWallets.DEFAULT_KEY), problem.getMessage());
        assertTrue(problem.getMessage().contains("genesis.payments.wallets.research_agent.private-key"), problem.getMessage());
        assertTrue(wallets.describe().contains("refused"), wallets.describe());
    }
}
