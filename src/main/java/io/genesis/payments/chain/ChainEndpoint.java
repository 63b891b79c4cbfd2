package io.genesis.payments.chain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The JSON-RPC endpoint behind {@code genesis.payments.rpc-url}, or none when no URL is set. Kept apart from
 * {@link ChainReader} so that asking whether there is a chain, or which host it is, passes no fault-tolerance
 * interceptor.
 */
@ApplicationScoped
public class ChainEndpoint {

    @Inject
    @ConfigProperty(name = "genesis.payments.rpc-url")
    Optional<String> rpcUrl;

    @Inject
    @ConfigProperty(name = "genesis.payments.rpc-log-lookback-blocks")
    long logLookbackBlocks;

    @Inject
    @ConfigProperty(name = "genesis.payments.http-timeout-ms")
    long timeoutMs;

    private AuthorizationStates chain;
    private JsonRpcClient rpc;

    @PostConstruct
    void connect() {
        rpcUrl.map(String::trim).filter(url -> !url.isEmpty()).ifPresent(url -> {
            rpc = new JsonRpcClient(URI.create(url), Duration.ofMillis(timeoutMs));
            chain = new AuthorizationStates(rpc, logLookbackBlocks);
        });
    }

    public boolean enabled() {
        return chain != null;
    }

    /** The host of the endpoint, safe to log (the URL often carries a provider key). */
    public String host() {
        return rpc.host();
    }

    AuthorizationStates states() {
        return chain;
    }
}
