package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
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

/**
 * {@code agent_budgets} (daily limits per agent set through the API, for every tenant ({@value #EVERY_TENANT}) or one)
 * and {@code agent_daily_spend} (committed and planned spend per tenant, agent and UTC day).
 */
@ApplicationScoped
public class BudgetStore {

    /** The tenant id of a limit that applies to every tenant without one of its own. */
    public static final String EVERY_TENANT = "*";

    /** A daily limit set through the API, for one tenant or {@link #EVERY_TENANT}, and who set it. */
    public record Limit(long cents, String by, String tenantId) {
    }

    /** What the tenant's purchases by an agent committed on a day, and what planned purchases earmarked. */
    public record Spent(long committedCents, long plannedCents) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** The limits set through the API for the agent in {@code tenantId}: its own first, then the one for every tenant. */
    public List<Limit> overrides(String tenantId, String agentId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement("""
                SELECT daily_limit_cents, updated_by, tenant_id FROM agent_budgets WHERE agent_id = ? AND tenant_id IN (?, ?)
                ORDER BY tenant_id = ? DESC""")) {
            select.setString(1, agentId);
            select.setString(2, tenantId);
            select.setString(3, EVERY_TENANT);
            select.setString(4, EVERY_TENANT);
            try (ResultSet row = select.executeQuery()) {
                List<Limit> limits = new ArrayList<>();
                while (row.next()) {
                    limits.add(new Limit(row.getBigDecimal(1).longValue(), row.getString(2), row.getString(3)));
                }
                return limits;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Sets the agent's limit for {@code tenantId}, or for every tenant with {@link #EVERY_TENANT}. */
    public void setOverride(String agentId, String tenantId, long dailyLimitCents, String updatedBy) {
        try (Connection db = dataSource.getConnection(); PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO agent_budgets (agent_id, tenant_id, daily_limit_cents, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (agent_id, tenant_id) DO UPDATE SET daily_limit_cents = EXCLUDED.daily_limit_cents,
                    updated_by = EXCLUDED.updated_by, updated_at = now()""")) {
            upsert.setString(1, agentId);
            upsert.setString(2, tenantId);
            upsert.setBigDecimal(3, BigDecimal.valueOf(dailyLimitCents));
            upsert.setString(4, updatedBy);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** What the tenant's purchases by the agent committed on {@code day}, and what planned purchases earmarked. */
    public Spent spent(String tenantId, String agentId, LocalDate day) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT committed_cents, planned_cents FROM agent_daily_spend WHERE tenant_id = ? AND agent_id = ? AND spend_day = ?")) {
            select.setString(1, tenantId);
            select.setString(2, agentId);
            select.setDate(3, Date.valueOf(day));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Spent(row.getBigDecimal(1).longValue(), row.getBigDecimal(2).longValue()) : new Spent(0, 0);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
