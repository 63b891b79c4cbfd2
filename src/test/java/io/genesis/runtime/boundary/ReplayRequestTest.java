package io.genesis.runtime.boundary;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayRequestTest {

    private final ReplayRequest.EntryId.Check entryId = new ReplayRequest.EntryId.Check();

    @Test
    void noIdsMeansEverythingAndAnEmptyListMeansNone() {
        assertEquals(Optional.empty(), new ReplayRequest(null).entryIds());
        assertEquals(Optional.of(List.of()), new ReplayRequest(List.of()).entryIds());
    }

    @Test
    void idsAreTakenAsGiven() {
        assertEquals(Optional.of(List.of("1-0", "2-5")),
                new ReplayRequest(List.of(Json.createValue("1-0"), Json.createValue("2-5"))).entryIds());
    }

    @Test
    void onlyTextShapedLikeAStreamIdIsAnEntryId() {
        assertTrue(entryId.isValid(Json.createValue("1700000000000-0"), null));
        for (JsonValue bad : List.of(Json.createValue("1"), Json.createValue("x"), Json.createValue(3), JsonValue.NULL,
                Json.createValue("99999999999999999999999-0"))) {
            assertFalse(entryId.isValid(bad, null), bad.toString());
        }
        assertFalse(entryId.isValid(null, null));
    }
}
