package io.genesis.payments.store;

import io.genesis.payments.TenantScope;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a read: the caller's tenant first (absent only for an operator's view of every tenant), then the
 * id or the filters asked for, then the start of a time window, all as bound parameters.
 */
final class Where {

    private final Map<String, String> equal = new LinkedHashMap<>();
    private final Map<String, Instant> from = new LinkedHashMap<>();

    private Where() {
    }

    static Where scoped(TenantScope scope) {
        Where where = new Where();
        scope.tenantId().ifPresent(tenant -> where.equal.put("tenant_id", tenant));
        return where;
    }

    /** {@code column = value}, always (an id). */
    Where is(String column, String value) {
        equal.put(column, value == null ? "" : value);
        return this;
    }

    /** {@code column = value} when a value is given; a null or blank filter does not filter. */
    Where filter(String column, String value) {
        return value == null || value.isBlank() ? this : is(column, value);
    }

    /** {@code column >= instant}: rows of a time window. */
    Where since(String column, Instant instant) {
        from.put(column, instant);
        return this;
    }

    String sql() {
        List<String> conditions = new ArrayList<>(equal.keySet().stream().map(column -> column + " = ?").toList());
        from.keySet().forEach(column -> conditions.add(column + " >= ?"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values to the first parameters of {@code statement}, in the order of {@link #sql()}. */
    void bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (String value : equal.values()) {
            statement.setString(i++, value);
        }
        for (Instant instant : from.values()) {
            statement.setTimestamp(i++, Timestamp.from(instant));
        }
    }
}
