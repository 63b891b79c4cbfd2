package io.genesis.payments.x402;

import java.util.Map;
import java.util.Optional;

/**
 * x402 v1 network names and their CAIP-2 ids (v2). The EVM names are the reference TS client's v1 chain map
 * ({@code typescript/packages/mechanisms/evm/src/v1/index.ts}: {@code base-sepolia} = 84532, {@code base} = 8453, …),
 * the Solana ones its SVM {@code V1_TO_V2_NETWORK_MAP}. Everything downstream of the wire (policy, ledger, chain) speaks
 * CAIP-2; only v1 wire objects carry the names.
 */
public final class NetworkNames {

    private static final Map<String, String> CAIP2_BY_V1_NAME = Map.ofEntries(
            Map.entry("ethereum", "eip155:1"),
            Map.entry("sepolia", "eip155:11155111"),
            Map.entry("abstract", "eip155:2741"),
            Map.entry("abstract-testnet", "eip155:11124"),
            Map.entry("base-sepolia", "eip155:84532"),
            Map.entry("base", "eip155:8453"),
            Map.entry("avalanche-fuji", "eip155:43113"),
            Map.entry("avalanche", "eip155:43114"),
            Map.entry("iotex", "eip155:4689"),
            Map.entry("sei", "eip155:1329"),
            Map.entry("sei-testnet", "eip155:1328"),
            Map.entry("polygon", "eip155:137"),
            Map.entry("polygon-amoy", "eip155:80002"),
            Map.entry("peaq", "eip155:3338"),
            Map.entry("story", "eip155:1514"),
            Map.entry("educhain", "eip155:41923"),
            Map.entry("skale-base-sepolia", "eip155:324705682"),
            Map.entry("megaeth", "eip155:4326"),
            Map.entry("monad", "eip155:143"),
            Map.entry("solana", "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"),
            Map.entry("solana-devnet", "solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1"),
            Map.entry("solana-testnet", "solana:4uhcVJyU9pJkvQyS88uRDiswHXSCkY3z"));

    private NetworkNames() {
    }

    /** The CAIP-2 id of a v1 network name; a name we do not know (or a CAIP-2 id already) is returned unchanged. */
    public static String caip2(String network) {
        return CAIP2_BY_V1_NAME.getOrDefault(network, network);
    }

    /** The v1 name of a CAIP-2 network, if v1 had one. */
    public static Optional<String> v1Name(String caip2) {
        return CAIP2_BY_V1_NAME.entrySet().stream().filter(entry -> entry.getValue().equals(caip2)).map(Map.Entry::getKey).findFirst();
    }
}
