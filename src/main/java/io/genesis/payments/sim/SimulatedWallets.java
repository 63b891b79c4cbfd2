package io.genesis.payments.sim;

import io.genesis.payments.x402.Authorization;
import io.genesis.runtime.AgentRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SIMULATED agent wallets. Each agent's key is derived on demand as HMAC-SHA256(seed, "wallet|" + agent) and never
 * stored; its address is the first 20 bytes of SHA-256(key). A "signature" is HMAC-SHA256(key, the EIP-3009 typed
 * data): it is not an EIP-712 secp256k1 signature, so a real facilitator rejects it (payloads say
 * {@code simulated: true}). The simulated facilitator verifies it by finding the key of the {@code from} address.
 */
@ApplicationScoped
public class SimulatedWallets {

    @Inject
    @ConfigProperty(name = "genesis.payments.sim.wallet-seed")
    String seed;

    @Inject
    AgentRegistry agents;

    private Map<String, String> agentByAddress;

    @PostConstruct
    void derive() {
        agentByAddress = agents.all().stream().map(policy -> policy.agent())
                .collect(Collectors.toUnmodifiableMap(this::address, Function.identity()));
    }

    /** The agent's wallet address, {@code 0x} + 40 lower-case hex. */
    public String address(String agent) {
        return "0x" + HexFormat.of().formatHex(sha256(key(agent)), 0, 20);
    }

    /** {@code 0x} + hex signature of the authorization's typed data with the agent's derived key. */
    public String sign(String agent, Authorization authorization, String network, String asset, String name, String version) {
        return "0x" + HexFormat.of().formatHex(hmac(key(agent), authorization.typedData(network, asset, name, version)));
    }

    /** True when {@code signature} was made by the wallet at {@code authorization.from()} over this typed data. */
    public boolean verify(Authorization authorization, String signature, String network, String asset, String name, String version) {
        Optional<String> agent = Optional.ofNullable(agentByAddress.get(authorization.from().toLowerCase()));
        if (agent.isEmpty() || signature == null || !signature.startsWith("0x")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(2));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(key(agent.get()), authorization.typedData(network, asset, name, version)));
    }

    private byte[] key(String agent) {
        return hmac(seed.getBytes(StandardCharsets.UTF_8), "wallet|" + agent);
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
