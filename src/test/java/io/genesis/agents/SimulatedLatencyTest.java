package io.genesis.agents;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatedLatencyTest {

    private final SimulatedLatency latency = new SimulatedLatency(100,
            agent -> Optional.ofNullable(Map.of("builder_agent", 2_500L, "broken_agent", -1L).get(agent)));

    @Test
    void hookThenAgentOverrideThenDefault() {
        assertEquals(7, latency.millis("builder_agent", Json.createObjectBuilder().add("latency_ms", 7).build()));
        assertEquals(2_500, latency.millis("builder_agent", JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(100, latency.millis("qa_agent", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void negativeValuesAreRefusedOrClamped() {
        assertEquals(0, latency.millis("qa_agent", Json.createObjectBuilder().add("latency_ms", -5).build()));
        assertThrows(IllegalArgumentException.class, () -> latency.millis("broken_agent", JsonValue.EMPTY_JSON_OBJECT));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedLatency(-1, agent -> Optional.empty()));
    }
}
