package io.genesis.payments.store;

import io.genesis.payments.TenantScope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WhereTest {

    @Test
    void aTenantsReadNamesTheTenantFirstInTheQueryItself() throws SQLException {
        Where where = Where.scoped(TenantScope.of("acme")).is("id", "pay_1").filter("status", "CAPTURED");
        assertEquals(" WHERE tenant_id = ? AND id = ? AND status = ?", where.sql());
        assertEquals(List.of("acme", "pay_1", "CAPTURED"), bound(where));
    }

    @Test
    void anOperatorsViewOfEveryTenantHasNoTenantCondition() throws SQLException {
        Where where = Where.scoped(TenantScope.every()).filter("business_id", "biz_1");
        assertEquals(" WHERE business_id = ?", where.sql());
        assertEquals(List.of("biz_1"), bound(where));
        assertEquals("", Where.scoped(TenantScope.every()).sql(), "no filter at all: every row");
    }

    @Test
    void blankFiltersDoNotFilterButAnIdAlwaysDoes() throws SQLException {
        Where where = Where.scoped(TenantScope.of("acme")).filter("agent_id", " ").filter("kind", null).is("id", null);
        assertEquals(" WHERE tenant_id = ? AND id = ?", where.sql(), "a missing id matches nothing instead of everything");
        assertEquals(List.of("acme", ""), bound(where));
    }

    @Test
    void aScopeOfOneTenantNeedsTheTenant() {
        assertThrows(IllegalArgumentException.class, () -> TenantScope.of(" "));
        assertEquals(TenantScope.every(), TenantScope.of(Optional.empty()));
        assertEquals(Optional.of("acme"), TenantScope.of(Optional.of("acme")).tenantId());
    }

    /** The values {@link Where#bind} sets, in parameter order. */
    private static List<String> bound(Where where) throws SQLException {
        List<String> values = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(WhereTest.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("setString")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    assertEquals(values.size() + 1, args[0], "parameters are bound in order");
                    values.add((String) args[1]);
                    return null;
                });
        where.bind(statement);
        return values;
    }
}
