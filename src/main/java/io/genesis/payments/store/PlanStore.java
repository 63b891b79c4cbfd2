package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.TenantScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code planned_purchases} and the earmarks they put on {@code agent_daily_spend} and {@code business_spend}
 * ({@code planned_cents}). An earmark is one conditional upsert per counter, the same kind the approval policy reserves
 * with (committed + planned + the new cents within the limit), inside one transaction: a row lock on the counter, so
 * any number of businesses planning at once never see the same cents left.
 */
@ApplicationScoped
public class PlanStore {

    /** One planned purchase as stored. */
    public record Plan(String tenantId, String businessId, String taskId, String runtimeTaskId, String agentId, String vendorId,
                       boolean required, long cents, LocalDate day, String state, String reason) {

        public Plan with(String newState, String newReason) {
            return new Plan(tenantId, businessId, taskId, runtimeTaskId, agentId, vendorId, required, cents, day, newState, newReason);
        }
    }

    /** What an earmark found: granted, or which counter refused and what it had left. */
    public record Earmark(boolean granted, Counter refusedBy, long spentCents) {
    }

    /** The two counters a purchase is checked against. */
    public enum Counter { AGENT_DAY, BUSINESS }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    public Optional<Plan> find(String tenantId, String businessId, String taskId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT " + COLUMNS + " FROM planned_purchases WHERE tenant_id = ? AND business_id = ? AND task_id = ?")) {
            select.setString(1, tenantId);
            select.setString(2, businessId);
            select.setString(3, taskId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(plan(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /**
     * Earmarks {@code plan.cents} on the agent's day (within {@code agentLimitCents}) and on the business (within
     * {@code businessLimitCents}) and records the plan PLANNED, all or nothing. Not granted: nothing is earmarked, and
     * {@code spentCents} is what the refusing counter holds (committed + planned). A plan already PLANNED or PAID (a
     * concurrent or repeated planning of the same task) is granted without earmarking twice.
     */
    public Earmark earmark(Plan plan, long agentLimitCents, long businessLimitCents) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                if (!add(db, AGENT_DAY_EARMARK, plan, plan.agentId(), true, agentLimitCents)) {
                    db.rollback();
                    return new Earmark(false, Counter.AGENT_DAY, spent(db, AGENT_DAY_SPENT, plan, plan.agentId(), true));
                }
                if (!add(db, BUSINESS_EARMARK, plan, plan.businessId(), false, businessLimitCents)) {
                    db.rollback();
                    return new Earmark(false, Counter.BUSINESS, spent(db, BUSINESS_SPENT, plan, plan.businessId(), false));
                }
                if (upsert(db, plan.with("PLANNED", null)) == 0) {
                    db.rollback(); // planned or paid meanwhile: keep that earmark, not a second one
                } else {
                    db.commit();
                }
                return new Earmark(true, null, 0);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Records a plan that could not be covered (SKIPPED or WAITING); a row that is already past WAITING stays as it is. */
    public void record(Plan plan) {
        try (Connection db = dataSource.getConnection()) {
            upsert(db, plan);
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** The business ended: earmarks no payment took go back, and nothing waits any more. */
    public void release(String tenantId, String businessId) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement release = db.prepareStatement("""
                    WITH open AS (SELECT task_id, state FROM planned_purchases
                                  WHERE tenant_id = ? AND business_id = ? AND state IN ('PLANNED', 'WAITING') FOR UPDATE)
                    UPDATE planned_purchases p SET state = 'RELEASED', updated_at = now() FROM open
                    WHERE p.tenant_id = ? AND p.business_id = ? AND p.task_id = open.task_id
                    RETURNING p.agent_id, p.spend_day, p.cents, open.state""")) {
                release.setString(1, tenantId);
                release.setString(2, businessId);
                release.setString(3, tenantId);
                release.setString(4, businessId);
                try (ResultSet row = release.executeQuery()) {
                    while (row.next()) {
                        if ("PLANNED".equals(row.getString(4))) {
                            unplan(db, tenantId, row.getString(1), row.getDate(2), businessId, row.getBigDecimal(3));
                        }
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** The purchases of the business that were skipped, oldest first, within {@code scope}. */
    public List<Plan> skipped(TenantScope scope, String businessId) {
        Where where = Where.scoped(scope).is("business_id", businessId).is("state", "SKIPPED");
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT " + COLUMNS + " FROM planned_purchases" + where.sql() + " ORDER BY created_at, task_id")) {
            where.bind(select);
            List<Plan> plans = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    plans.add(plan(row));
                }
            }
            return plans;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Gives an earmark back to the agent's day and the business (in the caller's transaction). */
    static void unplan(Connection db, String tenantId, String agentId, Date day, String businessId, BigDecimal cents) throws SQLException {
        subtract(db, "planned_cents", tenantId, agentId, day, businessId, cents);
    }

    /** Takes {@code cents} off {@code column} (committed_cents or planned_cents) of the agent's day and of the business. */
    static void subtract(Connection db, String column, String tenantId, String agentId, Date day, String businessId, BigDecimal cents)
            throws SQLException {
        try (PreparedStatement agent = db.prepareStatement("UPDATE agent_daily_spend SET " + column + " = GREATEST(" + column
                + " - ?, 0) WHERE tenant_id = ? AND agent_id = ? AND spend_day = ?");
             PreparedStatement business = db.prepareStatement("UPDATE business_spend SET " + column + " = GREATEST(" + column
                     + " - ?, 0) WHERE tenant_id = ? AND business_id = ?")) {
            agent.setBigDecimal(1, cents);
            agent.setString(2, tenantId);
            agent.setString(3, agentId);
            agent.setDate(4, day);
            agent.executeUpdate();
            business.setBigDecimal(1, cents);
            business.setString(2, tenantId);
            business.setString(3, businessId);
            business.executeUpdate();
        }
    }

    private static final String COLUMNS = "tenant_id, business_id, task_id, runtime_task_id, agent_id, vendor_id, required, cents, "
            + "spend_day, state, reason";

    private static final String AGENT_DAY_EARMARK = """
            INSERT INTO agent_daily_spend AS s (tenant_id, agent_id, spend_day, planned_cents) SELECT ?, ?, ?, ? WHERE ? <= ?
            ON CONFLICT (tenant_id, agent_id, spend_day) DO UPDATE SET planned_cents = s.planned_cents + EXCLUDED.planned_cents
            WHERE s.committed_cents + s.planned_cents + EXCLUDED.planned_cents <= ? RETURNING 1""";
    private static final String AGENT_DAY_SPENT =
            "SELECT committed_cents + planned_cents FROM agent_daily_spend WHERE tenant_id = ? AND agent_id = ? AND spend_day = ?";
    private static final String BUSINESS_EARMARK = """
            INSERT INTO business_spend AS s (tenant_id, business_id, planned_cents) SELECT ?, ?, ? WHERE ? <= ?
            ON CONFLICT (tenant_id, business_id) DO UPDATE SET planned_cents = s.planned_cents + EXCLUDED.planned_cents
            WHERE s.committed_cents + s.planned_cents + EXCLUDED.planned_cents <= ? RETURNING 1""";
    private static final String BUSINESS_SPENT =
            "SELECT committed_cents + planned_cents FROM business_spend WHERE tenant_id = ? AND business_id = ?";

    private static boolean add(Connection db, String upsert, Plan plan, String key, boolean daily, long limitCents) throws SQLException {
        try (PreparedStatement add = db.prepareStatement(upsert)) {
            int i = 1;
            add.setString(i++, plan.tenantId());
            add.setString(i++, key);
            if (daily) {
                add.setDate(i++, Date.valueOf(plan.day()));
            }
            add.setBigDecimal(i++, BigDecimal.valueOf(plan.cents()));
            add.setLong(i++, plan.cents());
            add.setLong(i++, limitCents);
            add.setLong(i, limitCents);
            try (ResultSet row = add.executeQuery()) {
                return row.next();
            }
        }
    }

    private static long spent(Connection db, String select, Plan plan, String key, boolean daily) throws SQLException {
        try (PreparedStatement read = db.prepareStatement(select)) {
            read.setString(1, plan.tenantId());
            read.setString(2, key);
            if (daily) {
                read.setDate(3, Date.valueOf(plan.day()));
            }
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getBigDecimal(1).longValue() : 0;
            }
        }
    }

    /** Inserts the plan, or updates a WAITING one to it; 0 when the row exists in another state. */
    private static int upsert(Connection db, Plan plan) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO planned_purchases (tenant_id, business_id, task_id, runtime_task_id, agent_id, vendor_id, required, cents,
                    spend_day, state, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, business_id, task_id) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,
                    cents = EXCLUDED.cents, spend_day = EXCLUDED.spend_day, updated_at = now()
                WHERE planned_purchases.state = 'WAITING'""")) {
            upsert.setString(1, plan.tenantId());
            upsert.setString(2, plan.businessId());
            upsert.setString(3, plan.taskId());
            upsert.setString(4, plan.runtimeTaskId());
            upsert.setString(5, plan.agentId());
            upsert.setString(6, plan.vendorId());
            upsert.setBoolean(7, plan.required());
            upsert.setBigDecimal(8, BigDecimal.valueOf(plan.cents()));
            upsert.setDate(9, Date.valueOf(plan.day()));
            upsert.setString(10, plan.state());
            upsert.setString(11, plan.reason());
            return upsert.executeUpdate();
        }
    }

    private static Plan plan(ResultSet row) throws SQLException {
        return new Plan(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getBoolean(7), row.getBigDecimal(8).longValue(), row.getDate(9).toLocalDate(), row.getString(10), row.getString(11));
    }
}
