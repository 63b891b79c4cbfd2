package io.genesis.payments.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.temporal.ChronoUnit;

/**
 * Reads the chain of the {@link ChainEndpoint} (only when it is {@link ChainEndpoint#enabled}) through
 * {@link AuthorizationStates}. Every call only reads, so each is retried on {@link ChainUnavailable}, bounded by a
 * {@code @Timeout} for the whole read (several JSON-RPC calls), behind a circuit breaker and a small bulkhead. The
 * policy is declared once for the class and applies to each method on its own (a breaker and a bulkhead per method);
 * keys {@code io.genesis.payments.chain.ChainReader/<Annotation>/<param>} for both methods.
 */
@ApplicationScoped
@Retry(maxRetries = 2, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS,
        retryOn = {ChainUnavailable.class, TimeoutException.class})
@Timeout(value = 30, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {ChainUnavailable.class, TimeoutException.class})
@Bulkhead(4)
public class ChainReader {

    @Inject
    ChainEndpoint endpoint;

    /** {@code eth_chainId}. */
    public long chainId() {
        return endpoint.states().chainId();
    }

    /** Whether the authorization of {@code authorizer} with {@code nonce} was used on chain (see {@link AuthorizationStates#find}). */
    public SettlementFinding find(String asset, String authorizer, String nonce, long validBefore) {
        return endpoint.states().find(asset, authorizer, nonce, validBefore);
    }
}
