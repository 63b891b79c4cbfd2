package io.genesis.runtime.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * When a webhook attempt is retried and how long to wait: 2xx is delivered; 5xx and 429 (and timeouts or connection
 * errors) are retried with exponential backoff and full jitter, or after {@code Retry-After} (capped), until
 * {@code maxAttempts}; every other status is final and never retried. Pure: no clock, no randomness of its own.
 */
public record RetryPolicy(int maxAttempts, long baseMillis, long capMillis) {

    /** What one attempt's answer means for the delivery. */
    public enum Verdict { DELIVERED, RETRY, GIVE_UP }

    public RetryPolicy {
        if (maxAttempts < 1 || baseMillis < 1 || capMillis < baseMillis) {
            throw new IllegalArgumentException("webhook retry policy needs max-attempts >= 1, backoff-base-ms >= 1 and"
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

    /** Upper bound of the wait after failed attempt {@code attempt} (from 1): {@code min(cap, base * 2^(attempt-1))}. */
    public static long backoffCeilingMillis(int attempt, long baseMillis, long capMillis) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 62 || baseMillis > (capMillis >> doublings)) {
            return capMillis;
        }
        return baseMillis << doublings;
    }

    /**
     * Full jitter: a wait uniformly spread over {@code [0, ceiling]}, {@code random} being a uniform draw from
     * {@code [0, 1)}. Spreads retries of many deliveries that failed together.
     */
    public static long fullJitterMillis(int attempt, long baseMillis, long capMillis, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1): " + random);
        }
        long ceiling = backoffCeilingMillis(attempt, baseMillis, capMillis);
        return (long) Math.floor(random * (ceiling + 1));
    }

    /** The wait before the next attempt: the receiver's {@code Retry-After} if it gave one (capped), else jittered backoff. */
    public long delayMillis(int failedAttempt, OptionalLong retryAfterMillis, double random) {
        if (retryAfterMillis.isPresent()) {
            return Math.min(capMillis, Math.max(0, retryAfterMillis.getAsLong()));
        }
        return fullJitterMillis(failedAttempt, baseMillis, capMillis, random);
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
