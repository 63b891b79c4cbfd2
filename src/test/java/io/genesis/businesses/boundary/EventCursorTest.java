package io.genesis.businesses.boundary;

import io.genesis.businesses.DagTaskStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventCursorTest {

    @Test
    void theIdCarriesTheLastTransitionAndEveryTaskStatusSent() {
        EventCursor cursor = EventCursor.START.afterTransition(17).withTask(0, DagTaskStatus.COMPLETED)
                .withTask(2, DagTaskStatus.AWAITING_APPROVAL);
        EventCursor again = EventCursor.parse(cursor.id());
        assertEquals(cursor, again);
        assertEquals(17, again.lastTransition());
        assertEquals(DagTaskStatus.COMPLETED, again.sent(0));
        assertNull(again.sent(1), "never sent");
        assertEquals(DagTaskStatus.AWAITING_APPROVAL, again.sent(2));
        assertNull(again.sent(3));
    }

    @Test
    void anythingUnreadableStartsFromTheBeginning() {
        for (String id : new String[] {null, "", "17", "-3-", "x-44", "17-4z!", "-1-"}) {
            assertEquals(EventCursor.START, EventCursor.parse(id), String.valueOf(id));
        }
    }
}
