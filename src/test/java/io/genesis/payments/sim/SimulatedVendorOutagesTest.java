package io.genesis.payments.sim;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated vendors' failure windows: they refuse while open, count what they refused, end on time or on demand. */
class SimulatedVendorOutagesTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final SimulatedVendorOutages outages = new SimulatedVendorOutages(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aWindowRefusesItsVendorOnlyUntilItEnds() {
        outages.start("domains", 503, 60);
        assertEquals(503, outages.refuse("domains").orElseThrow());
        assertTrue(outages.refuse("llm-premium").isEmpty(), "other vendors serve");
        now = now.plus(Duration.ofSeconds(59));
        assertEquals(503, outages.refuse("domains").orElseThrow());
        assertEquals(2, outages.current("domains").orElseThrow().refused());
        assertEquals(1, outages.current("domains").orElseThrow().remainingSeconds(now));
        now = now.plus(Duration.ofSeconds(1));
        assertTrue(outages.refuse("domains").isEmpty(), "served again when the window ends");
        assertTrue(outages.current("domains").isEmpty());
        assertFalse(outages.end("domains"), "nothing left to end");
    }

    @Test
    void endingAWindowServesAtOnceAndANewWindowReplacesTheOld() {
        outages.start("domains", 503, 600);
        outages.start("domains", 429, 30);
        assertEquals(429, outages.refuse("domains").orElseThrow());
        assertTrue(outages.end("domains"));
        assertTrue(outages.refuse("domains").isEmpty());
    }

    @Test
    void statusAndLengthAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> outages.start("domains", 200, 60));
        assertThrows(IllegalArgumentException.class, () -> outages.start("domains", 402, 60));
        assertThrows(IllegalArgumentException.class, () -> outages.start("domains", 503, 0));
        assertThrows(IllegalArgumentException.class, () -> outages.start("domains", 503, 86_401));
        assertTrue(outages.current("domains").isEmpty(), "a refused window opens nothing");
    }
}
