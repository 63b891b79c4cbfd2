package io.genesis.runtime.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryLimitTest {

    @Test
    void defaultsToTenAndAcceptsOneToOneThousand() {
        assertEquals(10, QueryLimit.parse(null));
        assertEquals(1, QueryLimit.parse("1"));
        assertEquals(1000, QueryLimit.parse("1000"));
        assertEquals(25, QueryLimit.parse(" 25 "));
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String raw : new String[] {"0", "-1", "1001", "ten", "", "1.5", "99999999999"}) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> QueryLimit.parse(raw), raw);
            assertTrue(e.getMessage().contains("1000"));
        }
    }
}
