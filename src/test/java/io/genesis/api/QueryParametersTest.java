package io.genesis.api;

import io.genesis.problem.DomainException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParametersTest {

    @Test
    void absentIsTheDefaultAndWholeNumbersInRangeAreTaken() {
        assertEquals(10, QueryParameters.limit(null, 10, 1000));
        assertEquals(1, QueryParameters.limit("1", 10, 1000));
        assertEquals(1000, QueryParameters.limit("1000", 10, 1000));
        assertEquals(25, QueryParameters.limit(" 25 ", 10, 1000));
        assertEquals(0, QueryParameters.wholeNumber("offset", "0", 0, 0, Integer.MAX_VALUE));
    }

    @Test
    void anythingElseIsABadRequestNamingTheParameter() {
        for (String raw : new String[] {"0", "-1", "1001", "ten", "", " ", "1.5", "99999999999"}) {
            InvalidParameter e = assertThrows(InvalidParameter.class, () -> QueryParameters.limit(raw, 10, 1000), raw);
            assertEquals(DomainException.Kind.INVALID, e.kind(), raw);
            assertEquals("limit", e.extensions().get("field"), raw);
            assertTrue(e.getMessage().contains("limit must be a whole number from 1 to 1000"), e.getMessage());
        }
        InvalidParameter offset = assertThrows(InvalidParameter.class,
                () -> QueryParameters.wholeNumber("offset", "-1", 0, 0, Integer.MAX_VALUE));
        assertTrue(offset.getMessage().startsWith("offset must be"), offset.getMessage());
    }
}
