package io.genesis.payments.sim;

import io.genesis.payments.AgentWallets;
import io.genesis.payments.evm.WalletKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIMULATED agent wallets with real Ethereum keys: each agent's key is HMAC-SHA256(seed, "wallet|" + agent) mapped
 * into [1, n-1] of secp256k1, derived on demand and never stored; its address and signatures are real, so a real
 * facilitator could check them, but the seed is public and the wallets hold nothing on any chain.
 */
public final class SimulatedWallets implements AgentWallets {

    private final byte[] seed;
    private final Map<String, WalletKey> keys = new ConcurrentHashMap<>();

    public SimulatedWallets(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public WalletKey key(String agent) {
        return keys.computeIfAbsent(agent, name -> WalletKey.derivedFrom(hmac(seed, "wallet|" + name)));
    }

    /**
     * The address the simulated facilitator would submit settlements from (its signer, listed in {@code /supported}):
     * derived from the same seed under a name no agent can have, so it is stable and never an agent's wallet.
     */
    public String facilitatorSigner() {
        return WalletKey.derivedFrom(hmac(seed, "facilitator|signer")).address();
    }

    @Override
    public String describe() {
        return "simulated wallets derived from genesis.payments.sim.wallet-seed (worthless on any chain)";
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
