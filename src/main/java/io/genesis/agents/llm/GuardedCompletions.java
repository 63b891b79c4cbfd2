package io.genesis.agents.llm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * MicroProfile Fault Tolerance around whole completions of the configured model (keys
 * {@code io.genesis.agents.llm.GuardedCompletions/complete/<Annotation>/<param>}): a circuit breaker, so agents fall
 * back to their offline work at once while the endpoint keeps failing instead of spending every attempt's backoff on
 * it, and a bulkhead that caps concurrent completions. The attempts of one completion stay in
 * {@link OpenAiCompatibleLlmClient}: a 429 is retried after the server's {@code Retry-After}, which a
 * {@code @Retry} with its fixed delay cannot honour.
 */
@ApplicationScoped
public class GuardedCompletions {

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = LlmException.class)
    @Bulkhead(16)
    public Optional<String> complete(LlmClient model, String system, String user, LlmOptions options) throws InterruptedException {
        return model.complete(system, user, options);
    }
}
