package io.genesis.agents.llm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.temporal.ChronoUnit;

/**
 * MicroProfile Fault Tolerance around whole completions of the configured model (keys
 * {@code io.genesis.agents.llm.GuardedCompletions/chat/<Annotation>/<param>}): a circuit breaker, so while the endpoint
 * keeps failing, callers fail fast (agents' tasks retry later through the runtime, the idea generator works offline)
 * instead of spending every attempt's backoff on it, and a bulkhead that caps the concurrent completions of this
 * worker. The attempts of one completion stay in {@link OpenAiCompatibleLlmClient}: a 429 is retried after the
 * server's {@code Retry-After}, which a {@code @Retry} with its fixed delay cannot honour.
 */
@ApplicationScoped
public class GuardedCompletions {

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = LlmException.class)
    @Bulkhead(16)
    public ChatAnswer chat(ChatModel model, ChatRequest request) throws InterruptedException {
        return model.chat(request);
    }
}
