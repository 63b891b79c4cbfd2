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
import java.util.Optional;

/**
 * {@code agent_budgets} (daily limits per agent set through the API, applying in every tenant) and
 * {@code agent_daily_spend} (committed spend per tenant, agent and UTC day).
 */
@ApplicationScoped
public class BudgetStore {

    /** A daily limit set through the API, and who set it. */
    public record Limit(long cents, String by) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    public Optional<Limit> override(String agentId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT daily_limit_cents, updated_by FROM agent_budgets WHERE agent_id = ?")) {
            select.setString(1, agentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Limit(row.getBigDecimal(1).longValue(), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    public void setOverride(String agentId, long dailyLimitCents, String updatedBy) {
        try (Connection db = dataSource.getConnection(); PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO agent_budgets (agent_id, daily_limit_cents, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (agent_id) DO UPDATE SET daily_limit_cents = EXCLUDED.daily_limit_cents,
                    updated_by = EXCLUDED.updated_by, updated_at = now()""")) {
            upsert.setString(1, agentId);
            upsert.setBigDecimal(2, BigDecimal.valueOf(dailyLimitCents));
            upsert.setString(3, updatedBy);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** What the tenant's purchases by the agent committed on {@code day}. */
    public long committed(String tenantId, String agentId, LocalDate day) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT committed_cents FROM agent_daily_spend WHERE tenant_id = ? AND agent_id = ? AND spend_day = ?")) {
            select.setString(1, tenantId);
            select.setString(2, agentId);
            select.setDate(3, Date.valueOf(day));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBigDecimal(1).longValue() : 0;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
