package io.genesis.runtime.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One signed webhook POST and what it got back; the dispatcher decides what follows from the {@link Outcome}. */
final class WebhookPost {

    private final WebhookSigner signer;
    private final long timeoutMs;
    private final HttpClient http;

    WebhookPost(WebhookSigner signer, long timeoutMs) {
        this.signer = signer;
        this.timeoutMs = timeoutMs;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(timeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    CompletableFuture<Outcome> send(WebhookJob job, String body) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(job.url()))
                    .timeout(Duration.ofMillis(timeoutMs))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            signer.headers(job.deliveryId(), job.subject().header(), job.subjectId(), job.nextAttempt(),
                            Instant.now().getEpochSecond(), body)
                    .forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.unsendable("request cannot be built: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> Outcome.answered(response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null)))
                .exceptionally(error -> Outcome.unanswered(describe(error)));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeoutMs + " ms (" + cause.getClass().getSimpleName() + ")";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
