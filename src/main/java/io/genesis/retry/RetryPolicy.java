package io.genesis.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * When an outbound HTTP attempt (a webhook delivery, a model completion) is retried and how long to wait: 2xx is delivered; 5xx and 429 (and timeouts or connection
 * errors) are retried with exponential {@link Backoff} and full jitter, or after {@code Retry-After} (capped), until
 * {@code maxAttempts}; every other status is final and never retried. Pure: no clock, no randomness of its own.
 */
public record RetryPolicy(int maxAttempts, long baseMillis, long capMillis) {

    /** What one attempt's answer means for the delivery. */
    public enum Verdict { DELIVERED, RETRY, GIVE_UP }

    public RetryPolicy {
        if (maxAttempts < 1 || baseMillis < 1 || capMillis < baseMillis) {
            throw new IllegalArgumentException("retry policy needs max-attempts >= 1, backoff-base-ms >= 1 and"
                    + " backoff-cap-ms >= backoff-base-ms (got " + maxAttempts + ", " + baseMillis + ", " + capMillis + ")");
        }
    }

    /** The verdict for an HTTP status code. */
    public static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status >= 500 || status == 429) {
            return Verdict.RETRY;
        }
        return Verdict.GIVE_UP;
    }

    /** Whether a retryable failure of attempt {@code attempt} (from 1) may be tried again. */
    public boolean mayRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The redelivery backoff: exponential from the base, capped, with full jitter. */
    public Backoff backoff() {
        return new Backoff(baseMillis, capMillis, Backoff.Jitter.FULL);
    }

    /** The wait before the next attempt: the receiver's {@code Retry-After} if it gave one (capped), else jittered backoff. */
    public long delayMillis(int failedAttempt, OptionalLong retryAfterMillis, double random) {
        if (retryAfterMillis.isPresent()) {
            return Math.min(capMillis, Math.max(0, retryAfterMillis.getAsLong()));
        }
        return backoff().delayMillis(failedAttempt, random);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date, relative to {@code now}; empty when absent or unreadable. */
    public static OptionalLong retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? OptionalLong.empty() : OptionalLong.of(Math.multiplyExact(Math.min(seconds, 86_400L), 1000L));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return OptionalLong.of(Math.max(0, Duration.between(now, at).toMillis()));
            } catch (DateTimeParseException notDate) {
                return OptionalLong.empty();
            }
        }
    }
}
