package io.genesis.runtime.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamIdsTest {

    @Test
    void acceptsMillisecondsDashSequence() {
        assertTrue(StreamIds.isValid("1700000000000-0"));
        assertTrue(StreamIds.isValid("0-1"));
        assertTrue(StreamIds.isValid("18446744073709551615-18446744073709551615"));
    }

    @Test
    void rejectsAnythingElse() {
        for (String id : new String[] {null, "", "1700000000000", "-1-0", "1-", "-0", "a-0", "1-0 ", "+", "-", "$", ">",
                "1-0-0", "18446744073709551616-0", "1-99999999999999999999"}) {
            assertFalse(StreamIds.isValid(id), String.valueOf(id));
        }
    }
}
