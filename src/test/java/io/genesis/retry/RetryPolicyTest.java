package io.genesis.retry;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static io.genesis.retry.RetryPolicy.Verdict.DELIVERED;
import static io.genesis.retry.RetryPolicy.Verdict.GIVE_UP;
import static io.genesis.retry.RetryPolicy.Verdict.RETRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(5, 500, 60_000);

    @Test
    void retryAfterWinsOverBackoffButIsCapped() {
        assertEquals(1_000, DEFAULTS.delayMillis(1, OptionalLong.of(1_000), 0.9));
        assertEquals(60_000, DEFAULTS.delayMillis(1, OptionalLong.of(3_600_000), 0.9));
        assertEquals(250, DEFAULTS.delayMillis(1, OptionalLong.empty(), 0.5));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertEquals(OptionalLong.of(1_000), RetryPolicy.retryAfterMillis("1", now));
        assertEquals(OptionalLong.of(120_000), RetryPolicy.retryAfterMillis(" 120 ", now));
        assertEquals(OptionalLong.of(30_000), RetryPolicy.retryAfterMillis("Sun, 01 Mar 2026 12:00:30 GMT", now));
        assertEquals(OptionalLong.of(0), RetryPolicy.retryAfterMillis("Sun, 01 Mar 2026 11:00:00 GMT", now));
        assertEquals(OptionalLong.empty(), RetryPolicy.retryAfterMillis(null, now));
        assertEquals(OptionalLong.empty(), RetryPolicy.retryAfterMillis("-5", now));
        assertEquals(OptionalLong.empty(), RetryPolicy.retryAfterMillis("soon", now));
    }

    @Test
    void onlyServerErrorsAndTooManyRequestsAreRetried() {
        assertEquals(DELIVERED, RetryPolicy.classify(200));
        assertEquals(DELIVERED, RetryPolicy.classify(204));
        assertEquals(RETRY, RetryPolicy.classify(500));
        assertEquals(RETRY, RetryPolicy.classify(503));
        assertEquals(RETRY, RetryPolicy.classify(429));
        for (int status : new int[] {400, 401, 403, 404, 408, 409, 410, 413, 422}) {
            assertEquals(GIVE_UP, RetryPolicy.classify(status), "HTTP " + status);
        }
        assertEquals(GIVE_UP, RetryPolicy.classify(301), "redirects are not followed");
    }

    @Test
    void attemptsStopAtTheMaximum() {
        assertTrue(DEFAULTS.mayRetryAfter(1));
        assertTrue(DEFAULTS.mayRetryAfter(4));
        assertFalse(DEFAULTS.mayRetryAfter(5));
        assertFalse(new RetryPolicy(1, 500, 60_000).mayRetryAfter(1));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 500, 60_000));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(5, 0, 60_000));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(5, 500, 100));
    }
}
