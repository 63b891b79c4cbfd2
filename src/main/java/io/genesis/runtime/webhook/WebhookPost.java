package io.genesis.runtime.webhook;

import io.genesis.retry.RetryPolicy;
import io.genesis.outbound.OutboundUrlRefused;
import io.genesis.outbound.OutboundUrls;
import io.genesis.outbound.PinnedPost;
import io.genesis.runtime.TaskTracing;
import io.genesis.runtime.TraceContext;
import io.opentelemetry.api.trace.Span;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One signed webhook POST and what it got back; the dispatcher decides what follows from the {@link Outcome}. The
 * POST goes through {@link PinnedPost}, which connects only to addresses {@link OutboundUrls} allows, judged on the
 * addresses the URL resolves to at this attempt; a refused URL is given up at once. Each attempt is a CLIENT span
 * ({@link TaskTracing#webhook}) under the context the job carries, passed on in the {@code traceparent} header.
 */
final class WebhookPost {

    private final WebhookSigner signer;
    private final long timeoutMs;
    private final PinnedPost http;
    private final Executor executor;
    private final TaskTracing tracing;

    WebhookPost(WebhookSigner signer, long timeoutMs, OutboundUrls urls, Executor executor, TaskTracing tracing) {
        this.signer = signer;
        this.timeoutMs = timeoutMs;
        try {
            this.http = new PinnedPost(urls, Duration.ofMillis(timeoutMs));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context for https webhooks", e);
        }
        this.executor = executor;
        this.tracing = tracing;
    }

    /** What one attempt got back: an HTTP status (with its Retry-After), no answer at all, or a request never sent. */
    record Outcome(Integer status, String retryAfter, String error, boolean sendable) {
        static Outcome answered(int status, String retryAfter) {
            return new Outcome(status, retryAfter, status >= 200 && status < 300 ? null : "HTTP " + status, true);
        }

        static Outcome unanswered(String error) {
            return new Outcome(null, null, error, true);
        }

        static Outcome unsendable(String error) {
            return new Outcome(null, null, error, false);
        }

        RetryPolicy.Verdict verdict() {
            if (status != null) {
                return RetryPolicy.classify(status);
            }
            return sendable ? RetryPolicy.Verdict.RETRY : RetryPolicy.Verdict.GIVE_UP;
        }
    }

    /** POSTs {@code body} for {@code job} under the attempt's span, which ends with the answer. */
    CompletableFuture<Outcome> send(WebhookJob job, String body) {
        String parent = job.raw().getString(TraceContext.HEADER, null);
        Span span = tracing.webhook(parent, job.deliveryId(), job.taskId(), job.businessId(), job.nextAttempt());
        return post(job, body, TaskTracing.contextOf(span, parent)).whenComplete((outcome, error) -> {
            TaskTracing.answered(span, outcome == null ? null : outcome.status(),
                    outcome == null ? String.valueOf(error) : outcome.error());
            span.end();
        });
    }

    private CompletableFuture<Outcome> post(WebhookJob job, String body, String traceparent) {
        URI uri;
        try {
            uri = new URI(job.url());
        } catch (java.net.URISyntaxException e) {
            return CompletableFuture.completedFuture(Outcome.unsendable("request cannot be built: not a URL"));
        }
        var headers = signer.headers(job.deliveryId(), job.subject().header(), job.subjectId(), job.nextAttempt(),
                Instant.now().getEpochSecond(), body);
        if (traceparent != null) {
            headers.put(TraceContext.HEADER, traceparent);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                PinnedPost.Answer answer = http.post(uri, headers, body.getBytes(StandardCharsets.UTF_8));
                return Outcome.answered(answer.status(), answer.retryAfter());
            } catch (OutboundUrlRefused e) {
                return Outcome.unsendable("refused: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                return Outcome.unsendable("request cannot be built: " + e.getMessage());
            } catch (SocketTimeoutException e) {
                return Outcome.unanswered("no answer within " + timeoutMs + " ms (" + e.getClass().getSimpleName() + ")");
            } catch (IOException e) {
                return Outcome.unanswered(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }, executor);
    }
}
