package io.genesis.runtime.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplayRequestTest {

    @Test
    void noBodyOrNoIdsMeansEverything() {
        assertEquals(Optional.empty(), ReplayRequest.ids(null, 10));
        assertEquals(Optional.empty(), ReplayRequest.ids("  ", 10));
        assertEquals(Optional.empty(), ReplayRequest.ids("{}", 10));
        assertEquals(Optional.empty(), ReplayRequest.ids("{\"ids\": null}", 10));
    }

    @Test
    void idsAreTakenAsGiven() {
        assertEquals(Optional.of(List.of("1-0", "2-5")), ReplayRequest.ids("{\"ids\": [\"1-0\", \"2-5\"]}", 10));
        assertEquals(Optional.of(List.of()), ReplayRequest.ids("{\"ids\": []}", 10));
    }

    @Test
    void malformedRequestsAreBadRequests() {
        for (String body : new String[] {"{", "[]", "\"1-0\"", "{\"ids\": \"1-0\"}", "{\"id\": [\"1-0\"]}",
                "{\"ids\": [\"1-0\"], \"all\": true}", "{\"ids\": [\"1\"]}", "{\"ids\": [1]}", "{\"ids\": [null]}",
                "{\"ids\": [\"1-0\", \"2-0\", \"3-0\"]}"}) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> ReplayRequest.ids(body, 2), body);
        }
    }

    @Test
    void invalidIdsAreListed() {
        InvalidRequest e = assertThrows(InvalidRequest.class,
                () -> ReplayRequest.ids("{\"ids\": [\"1-0\", \"x\", 3]}", 10));
        assertEquals(List.of("x", "3"), e.extensions().get("invalid_ids"));
    }
}
