package io.genesis.payments;

import io.genesis.payments.evm.WalletKey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Live wallets: secp256k1 keys from MicroProfile Config, so from environment variables or Kubernetes Secrets.
 * {@value #DEFAULT_KEY} pays for every agent, {@code genesis.payments.wallets.<agent>.private-key} for one agent.
 * Keys are read once, checked at start-up (a malformed one is named, never shown) and kept only in memory.
 */
final class ConfiguredWallets implements AgentWallets {

    static final String DEFAULT_KEY = "genesis.payments.wallet.private-key";

    private final Optional<WalletKey> shared;
    private final Map<String, WalletKey> own;

    private ConfiguredWallets(Optional<WalletKey> shared, Map<String, WalletKey> own) {
        this.shared = shared;
        this.own = Map.copyOf(own);
    }

    /**
     * Reads the shared key and each known agent's own through {@code config} (a property name to its value);
     * {@link IllegalStateException} naming the first malformed key.
     */
    static ConfiguredWallets from(Function<String, Optional<String>> config, Collection<String> agents) {
        Optional<WalletKey> shared = read(config, DEFAULT_KEY);
        Map<String, WalletKey> own = new LinkedHashMap<>();
        for (String agent : agents) {
            read(config, agentKey(agent)).ifPresent(key -> own.put(agent, key));
        }
        return new ConfiguredWallets(shared, own);
    }

    static String agentKey(String agent) {
        return "genesis.payments.wallets." + agent + ".private-key";
    }

    private static Optional<WalletKey> read(Function<String, Optional<String>> config, String name) {
        return config.apply(name).filter(value -> !value.isBlank()).map(value -> {
            try {
                return WalletKey.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException(name + " is not a usable secp256k1 private key: " + malformed.getMessage());
            }
        });
    }

    @Override
    public WalletKey key(String agent) {
        WalletKey key = own.get(agent);
        if (key != null) {
            return key;
        }
        return shared.orElseThrow(() -> new NoPayerWallet(agent, "No payer wallet for " + agent + ": live payments need "
                + DEFAULT_KEY + " (env GENESIS_PAYMENTS_WALLET_PRIVATE_KEY) or " + agentKey(agent)));
    }

    @Override
    public String describe() {
        String agents = own.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().address())
                .collect(Collectors.joining(", "));
        return "live wallets from configuration: " + shared.map(key -> "every agent pays from " + key.address())
                .orElse("no shared wallet (" + DEFAULT_KEY + " unset)") + (agents.isEmpty() ? "" : "; own wallets: " + agents)
                + (shared.isEmpty() && own.isEmpty() ? "; purchases will be refused until a key is set" : "");
    }
}
