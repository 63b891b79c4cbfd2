package io.genesis.payments;

import io.genesis.runtime.AgentRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Agents' daily budgets: the Genesis defaults from configuration, overridden per agent through the API
 * ({@code agent_budgets}); today's committed spend comes from {@code agent_daily_spend}.
 */
@ApplicationScoped
public class Budgets {

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    public long dailyLimitCents(String agentId) {
        return override(agentId).map(Override::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
    }

    public List<Budget> all() {
        return agents.all().stream().map(policy -> of(policy.agent())).toList();
    }

    public Budget of(String agentId) {
        Optional<Override> override = override(agentId);
        long limit = override.map(Override::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long committed = committed(agentId, today);
        return new Budget(agentId, limit, override.isPresent() ? "api" : "default", today, committed,
                Math.max(0, limit - committed), override.map(Override::by).orElse(null));
    }

    public Budget set(String agentId, long dailyLimitCents, String updatedBy) {
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
        return of(agentId);
    }

    private record Override(long cents, String by) {
    }

    private Optional<Override> override(String agentId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT daily_limit_cents, updated_by FROM agent_budgets WHERE agent_id = ?")) {
            select.setString(1, agentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Override(row.getBigDecimal(1).longValue(), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private long committed(String agentId, LocalDate day) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT committed_cents FROM agent_daily_spend WHERE agent_id = ? AND spend_day = ?")) {
            select.setString(1, agentId);
            select.setDate(2, Date.valueOf(day));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBigDecimal(1).longValue() : 0;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
