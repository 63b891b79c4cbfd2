package io.genesis.runtime.ops;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicCountersTest {

    @Test
    void averageIsDurationOverProcessedPlusFailed() {
        TopicCounters c = TopicCounters.from(Map.of("processed", "6", "failed", "2", "duration_ms_total", "800"));
        assertEquals(100.0, c.avgProcessingMs());
    }

    @Test
    void averageIsRoundedToTwoDecimals() {
        assertEquals(333.33, new TopicCounters(0, 3, 0, 0, 0, 0, 1000).avgProcessingMs());
        assertEquals(0.67, new TopicCounters(0, 2, 1, 0, 0, 0, 2).avgProcessingMs());
    }

    @Test
    void averageIsZeroWhenNothingFinished() {
        assertEquals(0.0, TopicCounters.ZERO.avgProcessingMs());
        assertEquals(0.0, new TopicCounters(5, 0, 0, 2, 0, 0, 0).avgProcessingMs());
    }

    @Test
    void missingOrGarbledFieldsCountAsZero() {
        TopicCounters c = TopicCounters.from(Map.of("received", "7", "processed", "x", "timed_out", " 2 "));
        assertEquals(new TopicCounters(7, 0, 0, 0, 0, 2, 0), c);
        assertEquals(TopicCounters.ZERO, TopicCounters.from(Map.of()));
        assertEquals(TopicCounters.ZERO, TopicCounters.from(null));
    }

    @Test
    void readsEveryDocumentedField() {
        TopicCounters c = TopicCounters.from(Map.of("received", "1", "processed", "2", "failed", "3", "retried", "4",
                "dead_lettered", "5", "timed_out", "6", "duration_ms_total", "7"));
        assertEquals(new TopicCounters(1, 2, 3, 4, 5, 6, 7), c);
    }

    @Test
    void totalsAddUp() {
        TopicCounters sum = new TopicCounters(1, 2, 3, 4, 5, 6, 7).plus(new TopicCounters(10, 20, 30, 40, 50, 60, 70));
        assertEquals(new TopicCounters(11, 22, 33, 44, 55, 66, 77), sum);
    }
}
