package io.genesis.runtime.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Cumulative counters of one topic as the consumers keep them in the {@code <prefix>:metrics:<topic>} hash.
 * {@code failed} counts every terminal failure, dead-lettered and timed-out tasks included.
 */
public record TopicCounters(long received, long processed, long failed, long retried, long deadLettered,
                            long timedOut, long durationMsTotal) {

    public static final TopicCounters ZERO = new TopicCounters(0, 0, 0, 0, 0, 0, 0);

    /** Reads the hash; absent or non-numeric fields count as 0 (a topic nobody has consumed yet has no hash). */
    public static TopicCounters from(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return ZERO;
        }
        return new TopicCounters(count(hash, "received"), count(hash, "processed"), count(hash, "failed"),
                count(hash, "retried"), count(hash, "dead_lettered"), count(hash, "timed_out"),
                count(hash, "duration_ms_total"));
    }

    public TopicCounters plus(TopicCounters other) {
        return new TopicCounters(received + other.received, processed + other.processed, failed + other.failed,
                retried + other.retried, deadLettered + other.deadLettered, timedOut + other.timedOut,
                durationMsTotal + other.durationMsTotal);
    }

    /** Mean time of a finished attempt: total duration over processed plus failed, two decimals; 0 when none. */
    public double avgProcessingMs() {
        long finished = processed + failed;
        if (finished <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(durationMsTotal).divide(BigDecimal.valueOf(finished), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static long count(Map<String, String> hash, String field) {
        String value = hash.get(field);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
