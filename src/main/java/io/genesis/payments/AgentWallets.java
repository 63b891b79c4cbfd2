package io.genesis.payments;

import io.genesis.payments.evm.WalletKey;
import io.genesis.payments.x402.Authorization;

/**
 * The wallet each agent pays from: its address (the x402 payer and the mandates' payment instrument) and the EIP-712
 * signature of its EIP-3009 authorizations. {@code genesis.payments.mode} picks the keys ({@link AgentWalletsProducer}):
 * derived simulated wallets, or keys from configuration in live mode ({@link ConfiguredWallets}).
 */
public interface AgentWallets {

    /** The key the agent pays with; {@link NoPayerWallet} when it has none. */
    WalletKey key(String agent);

    /** One line for the log naming where keys come from and the addresses: never a key. */
    String describe();

    /** The agent's wallet address (EIP-55). */
    default String address(String agent) {
        return key(agent).address();
    }

    /** {@code 0x} + 130 hex: the agent's EIP-712 signature of the authorization under the token's domain. */
    default String sign(String agent, Authorization authorization, String network, String asset, String name, String version) {
        return key(agent).sign(authorization.digest(network, asset, name, version)).toHex();
    }
}
