package io.genesis.businesses.store;

import io.genesis.businesses.BusinessChangeNotices;
import io.genesis.businesses.BusinessQuotaExceeded;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.Transition;
import io.genesis.sites.store.SiteStore;
import jakarta.annotation.Resource;
import io.genesis.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Businesses in PostgreSQL: accepting one (idempotent per tenant and key), reading them, and changing one through
 * {@link #change}, which locks its row for one transaction and hands out the {@link BusinessLifecycle} whose intents
 * are the only way its status, tasks and approvals change. Concurrent notices of one business are thereby serialised.
 */
@ApplicationScoped
public class BusinessStore {

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    BusinessChangeNotices notices;

    /** A change of one locked business, inside one database transaction. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(BusinessLifecycle business);
    }

    /**
     * Filters of {@code GET /api/businesses}; null means "any". {@code text} matches the business id exactly or the
     * name as a case-insensitive substring; {@code createdFrom} is inclusive, {@code createdBefore} exclusive.
     */
    public record Filter(String tenantId, String businessType, BusinessStatus status, String text, Instant createdFrom,
                         Instant createdBefore, int limit, int offset) {

        public Filter(String tenantId, String businessType, BusinessStatus status, int limit, int offset) {
            this(tenantId, businessType, status, null, null, null, limit, offset);
        }
    }

    /** A business accepted now ({@code created}), or the one its tenant's idempotency key already named. */
    public record Created(BusinessRecord business, boolean created) {
    }

    /**
     * Inserts a new business (INITIALIZING, with its first transition) unless its tenant already used the key; refused
     * with {@link BusinessQuotaExceeded} once the tenant created {@code dailyQuota} businesses today (UTC). The check
     * and the insert hold a per-tenant transaction lock, so concurrent requests cannot overshoot the quota.
     */
    public Created create(String businessId, String tenantId, String businessType, boolean autonomous, String idempotencyKey,
                          JsonObject request, int dailyQuota) {
        return inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, "businesses-quota:" + tenantId);
                lock.execute();
            }
            if (idempotencyKey != null) {
                BusinessRecord earlier = byIdempotencyKey(connection, tenantId, idempotencyKey);
                if (earlier != null) {
                    return new Created(earlier, false);
                }
            }
            try (PreparedStatement today = connection.prepareStatement(
                    "SELECT COUNT(*) FROM businesses WHERE tenant_id = ? AND created_at >= date_trunc('day', now(), 'UTC')")) {
                today.setString(1, tenantId);
                try (ResultSet count = today.executeQuery()) {
                    count.next();
                    if (count.getLong(1) >= dailyQuota) {
                        throw new BusinessQuotaExceeded(tenantId, dailyQuota);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO businesses (business_id, tenant_id, business_type, status, autonomous, idempotency_key, request)
                    VALUES (?, ?, ?, 'INITIALIZING', ?, ?, ?::jsonb)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")) {
                insert.setString(1, businessId);
                insert.setString(2, tenantId);
                insert.setString(3, businessType);
                insert.setBoolean(4, autonomous);
                insert.setString(5, idempotencyKey);
                insert.setString(6, request.toString());
                if (insert.executeUpdate() == 0) {
                    return new Created(byIdempotencyKey(connection, tenantId, idempotencyKey), false);
                }
            }
            BusinessLifecycle.appendTransition(connection, businessId, BusinessStatus.INITIALIZING, "business creation requested");
            return new Created(BusinessLifecycle.lock(connection, businessId).business(), true);
        });
    }

    /**
     * Locks the business for one transaction and applies {@code change}; commits only if it returns normally, then,
     * when a row was changed, tells every worker's event streams that the business changed. A change that ends the
     * business settles its site in the same transaction ({@link SiteStore#settle}): the newest staged version goes live
     * with SUCCESS and is discarded with FAILED or BLOCKED, so no site is ever live for a business that did not succeed.
     */
    public <T> T change(String businessId, Change<T> change) {
        Applied<T> applied = inTransaction(connection -> {
            BusinessLifecycle business = BusinessLifecycle.lock(connection, businessId);
            BusinessStatus before = business.status();
            T result = change.apply(business);
            if (business.status().terminal() && !before.terminal()) {
                SiteStore.settle(connection, businessId, business.status() == BusinessStatus.SUCCESS);
            }
            return new Applied<>(result, business.wrote());
        });
        if (applied.wrote()) {
            notices.changed(businessId);
        }
        return applied.result();
    }

    private record Applied<T>(T result, boolean wrote) {
    }

    public Optional<BusinessRecord> find(String businessId) {
        return read("SELECT " + Rows.BUSINESS_COLUMNS + " FROM businesses WHERE business_id = ?", List.of(businessId),
                Rows::business).stream().findFirst();
    }

    /** The business if it belongs to {@code tenant} (empty: any tenant); another tenant's reads as absent. */
    public Optional<BusinessRecord> find(String businessId, Optional<String> tenant) {
        if (tenant.isEmpty()) {
            return find(businessId);
        }
        return read("SELECT " + Rows.BUSINESS_COLUMNS + " FROM businesses WHERE business_id = ? AND tenant_id = ?",
                List.of(businessId, tenant.get()), Rows::business).stream().findFirst();
    }

    public List<BusinessRecord> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + Rows.BUSINESS_COLUMNS + " FROM businesses WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (filter.tenantId() != null) {
            sql.append(" AND tenant_id = ?");
            args.add(filter.tenantId());
        }
        if (filter.businessType() != null) {
            sql.append(" AND business_type = ?");
            args.add(filter.businessType());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.text() != null) {
            // the name asked for (request) and the one the idea generation settled on (requirements)
            sql.append(" AND (business_id = ? OR requirements->>'name' ILIKE ? ESCAPE '\\'"
                    + " OR request->'requirements'->>'name' ILIKE ? ESCAPE '\\')");
            String pattern = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(filter.text());
            args.add(pattern);
            args.add(pattern);
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            args.add(java.sql.Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            args.add(java.sql.Timestamp.from(filter.createdBefore()));
        }
        sql.append(" ORDER BY created_at DESC, business_id LIMIT ? OFFSET ?");
        args.add(filter.limit());
        args.add(filter.offset());
        return read(sql.toString(), args, Rows::business);
    }

    /** How many businesses are in each status, within a tenant (null: every tenant); statuses with none are left out. */
    public Map<BusinessStatus, Long> countByStatus(String tenantId) {
        String sql = "SELECT status, count(*) FROM businesses" + (tenantId == null ? "" : " WHERE tenant_id = ?") + " GROUP BY status";
        Map<BusinessStatus, Long> counts = new EnumMap<>(BusinessStatus.class);
        read(sql, tenantId == null ? List.of() : List.of(tenantId),
                row -> Map.entry(BusinessStatus.valueOf(row.getString(1)), row.getLong(2)))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** How many businesses each tenant has in each status, in one query (statuses with none are left out). */
    public Map<String, Map<BusinessStatus, Long>> countByTenantAndStatus() {
        Map<String, Map<BusinessStatus, Long>> counts = new java.util.TreeMap<>();
        read("SELECT tenant_id, status, count(*) FROM businesses GROUP BY tenant_id, status", List.of(),
                row -> Map.entry(row.getString(1), Map.entry(BusinessStatus.valueOf(row.getString(2)), row.getLong(3))))
                .forEach(entry -> counts.computeIfAbsent(entry.getKey(), tenant -> new EnumMap<>(BusinessStatus.class))
                        .put(entry.getValue().getKey(), entry.getValue().getValue()));
        return counts;
    }

    /** The lifecycle history after transition {@code afterId}, oldest first. */
    public List<Transition> transitions(String businessId, long afterId) {
        return read("SELECT id, state, at, reason FROM business_transitions WHERE business_id = ? AND id > ? ORDER BY id",
                List.of(businessId, afterId), rows -> new Transition(rows.getLong(1), BusinessStatus.valueOf(rows.getString(2)),
                        rows.getTimestamp(3).toInstant(), rows.getString(4)));
    }

    public List<BusinessTask> tasks(String businessId) {
        try (Connection connection = dataSource.getConnection()) {
            return Rows.tasks(connection, businessId);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    /**
     * Takes (or renews) the lease {@code name} for {@code holder} for {@code seconds}: true when this holder has it now,
     * false while another holder's lease has not expired. One statement, so two workers never both get it.
     */
    public boolean lease(String name, String holder, long seconds) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, now() + make_interval(secs => ?))
                ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
                WHERE leases.expires_at < now() OR leases.holder = EXCLUDED.holder""")) {
            upsert.setString(1, name);
            upsert.setString(2, holder);
            upsert.setLong(3, seconds);
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    /** The business's projected monthly revenue, if it belongs to {@code tenantId} (empty: any tenant, an operator's view). */
    public Optional<BigDecimal> projectedMonthlyRevenue(Optional<String> tenantId, String businessId) {
        return read("SELECT (revenue_projection->>'projected_monthly_revenue')::numeric FROM businesses WHERE business_id = ?"
                + (tenantId.isPresent() ? " AND tenant_id = ?" : "") + " AND revenue_projection->>'projected_monthly_revenue' IS NOT NULL",
                tenantId.map(tenant -> List.of(businessId, tenant)).orElse(List.of(businessId)),
                rows -> rows.getBigDecimal(1)).stream().findFirst();
    }

    private static BusinessRecord byIdempotencyKey(Connection connection, String tenantId, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + Rows.BUSINESS_COLUMNS + " FROM businesses WHERE tenant_id = ? AND idempotency_key = ?")) {
            select.setString(1, tenantId);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Rows.business(rows) : null;
            }
        }
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        try {
            return Jdbc.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    private <T> List<T> read(String sql, List<?> args, Jdbc.Row<T> row) {
        try {
            return Jdbc.read(dataSource, sql, args, row);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }
}
