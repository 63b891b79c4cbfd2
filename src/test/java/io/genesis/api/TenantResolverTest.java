package io.genesis.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantResolverTest {

    private final TenantResolver tenants = new TenantResolver();

    @Test
    void bodyWinsOverHeaderWhichWinsOverDefault() {
        assertEquals("acme", tenants.resolve("acme", "other"));
        assertEquals("other", tenants.resolve(null, "other"));
        assertEquals("default", tenants.resolve(null, null));
    }

    @Test
    void malformedTenantIsABadRequest() {
        InvalidParameter refused = assertThrows(InvalidParameter.class, () -> tenants.resolve("a b;drop", null));
        assertEquals(io.genesis.problem.DomainException.Kind.INVALID, refused.kind());
        assertEquals("tenant_id", refused.extensions().get("field"));
    }
}
