package io.genesis.security;

import io.genesis.api.InvalidParameter;
import io.genesis.problem.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tenant a request acts for, from the token's claims: never from a body or header that differs. */
class TenantResolverTest {

    @Test
    void aTenantActsForItsTokensTenantOnly() {
        TenantResolver tenants = resolver("alice", "acme", "tenant");
        assertEquals("acme", tenants.resolve(null, null));
        assertEquals("acme", tenants.resolve("acme", "acme"));
        Forbidden other = assertThrows(Forbidden.class, () -> tenants.resolve("globex", null));
        assertEquals(DomainException.Kind.FORBIDDEN, other.kind());
        assertThrows(Forbidden.class, () -> tenants.resolve(null, "globex"));
        assertThrows(Forbidden.class, () -> tenants.resolve("acme", "globex"));
        assertEquals(Optional.of("acme"), tenants.readScope(null));
        assertThrows(Forbidden.class, () -> tenants.readScope("globex"));
        assertTrue(tenants.mayAccess("acme"));
        assertFalse(tenants.mayAccess("globex"));
        assertEquals("alice", tenants.subject());
    }

    @Test
    void anOperatorMayActForAndReadAnyTenant() {
        TenantResolver operator = resolver("olga", null, "operator");
        assertEquals("globex", operator.resolve("globex", null));
        assertEquals(Optional.empty(), operator.readScope(null));
        assertEquals(Optional.of("globex"), operator.readScope("globex"));
        assertTrue(operator.mayAccess("acme"));
        assertThrows(Forbidden.class, () -> operator.resolve(null, null), "an operator without tenant_id names the tenant");
    }

    @Test
    void aTokenWithoutTenantClaimCannotActAsATenant() {
        TenantResolver tenants = resolver("bob", null, "tenant");
        assertThrows(Forbidden.class, () -> tenants.resolve(null, null));
        assertThrows(Forbidden.class, () -> tenants.readScope(null));
        assertFalse(tenants.mayAccess("default"));
    }

    @Test
    void malformedTenantIsABadRequest() {
        InvalidParameter refused = assertThrows(InvalidParameter.class, () -> resolver("a", "acme", "tenant").resolve("a b;drop", null));
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertEquals("tenant_id", refused.extensions().get("field"));
    }

    private static TenantResolver resolver(String subject, String tenant, String... groups) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", subject, "groups", Set.of(groups)));
        if (tenant != null) {
            claims.put("tenant_id", tenant);
        }
        TenantResolver resolver = new TenantResolver();
        resolver.token = new Claims(claims);
        return resolver;
    }

    /** A verified token's claims, as Liberty hands them over. */
    private record Claims(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }
}
