package io.genesis.payments.chain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The chain behind {@code genesis.payments.rpc-url}, read through {@link AuthorizationStates}; absent when no URL is
 * set. Every call only reads, so each is retried on {@link ChainUnavailable}, bounded by a {@code @Timeout} for the
 * whole read (several JSON-RPC calls), behind a circuit breaker and a small bulkhead (keys
 * {@code io.genesis.payments.chain.ChainReader/<method>/<Annotation>/<param>}).
 */
@ApplicationScoped
public class ChainReader {

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

    /** {@code eth_chainId}. */
    @Retry(maxRetries = 2, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS,
            retryOn = {ChainUnavailable.class, TimeoutException.class})
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ChainUnavailable.class, TimeoutException.class})
    @Bulkhead(4)
    public long chainId() {
        return chain.chainId();
    }

    /** Whether the authorization of {@code authorizer} with {@code nonce} was used on chain (see {@link AuthorizationStates#find}). */
    @Retry(maxRetries = 2, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS,
            retryOn = {ChainUnavailable.class, TimeoutException.class})
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {ChainUnavailable.class, TimeoutException.class})
    @Bulkhead(4)
    public SettlementFinding find(String asset, String authorizer, String nonce, long validBefore) {
        return chain.find(asset, authorizer, nonce, validBefore);
    }
}
