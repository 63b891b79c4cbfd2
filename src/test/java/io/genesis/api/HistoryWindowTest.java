package io.genesis.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryWindowTest {

    @Test
    void eachWindowIsCutIntoEpochAlignedBucketsEndingWithTheCurrentOne() {
        Instant now = Instant.parse("2026-12-07T21:07:42Z");
        assertEquals(60, HistoryWindow.HOUR.buckets());
        assertEquals(Instant.parse("2026-12-07T20:08:00Z"), HistoryWindow.HOUR.start(now), "59 whole minutes back, then the current one");
        assertEquals(96, HistoryWindow.DAY.buckets());
        assertEquals(Instant.parse("2026-12-06T21:15:00Z"), HistoryWindow.DAY.start(now));
        assertEquals(84, HistoryWindow.WEEK.buckets());
        assertEquals(Instant.parse("2026-11-30T22:00:00Z"), HistoryWindow.WEEK.start(now));
    }

    @Test
    void theParameterDefaultsToTheHourAndRefusesAnythingElse() {
        assertEquals(HistoryWindow.HOUR, HistoryWindow.parameter(null));
        assertEquals(HistoryWindow.WEEK, HistoryWindow.parameter("week"));
        assertThrows(InvalidParameter.class, () -> HistoryWindow.parameter(""));
        assertThrows(InvalidParameter.class, () -> HistoryWindow.parameter("month"));
    }

    @Test
    void parsesTheThreeNamesOnly() {
        assertEquals(Optional.of(HistoryWindow.DAY), HistoryWindow.parse(" Day "));
        assertEquals(Optional.empty(), HistoryWindow.parse("month"));
        assertEquals(Optional.empty(), HistoryWindow.parse(null));
    }
}
