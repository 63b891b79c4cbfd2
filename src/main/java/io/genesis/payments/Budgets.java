package io.genesis.payments;

import io.genesis.payments.store.BudgetStore;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Agents' daily budgets: the Genesis defaults from configuration, overridden per agent through the API
 * ({@code agent_budgets}). A limit applies to each tenant separately: today's committed spend comes from
 * {@code agent_daily_spend} of one tenant, so one tenant's purchases never use up another's budget.
 */
@ApplicationScoped
public class Budgets {

    @Inject
    BudgetStore store;

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    /** The agent's daily limit, in every tenant. */
    public long dailyLimitCents(String agentId) {
        return store.override(agentId).map(BudgetStore.Limit::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
    }

    /** Every agent's budget as the tenant sees it today. */
    public List<Budget> all(String tenantId) {
        return agents.all().stream().map(policy -> of(tenantId, policy.agent())).toList();
    }

    /** The agent's limit and what the tenant's purchases by it committed today. */
    public Budget of(String tenantId, String agentId) {
        Optional<BudgetStore.Limit> override = store.override(agentId);
        long limit = override.map(BudgetStore.Limit::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long committed = store.committed(tenantId, agentId, today);
        return new Budget(agentId, tenantId, limit, override.isPresent() ? "api" : "default", today, committed,
                Math.max(0, limit - committed), override.map(BudgetStore.Limit::by).orElse(null));
    }

    /** Sets the agent's daily limit (for every tenant); answers it as {@code tenantId} sees it. */
    public Budget set(String tenantId, String agentId, long dailyLimitCents, String updatedBy) {
        store.setOverride(agentId, dailyLimitCents, updatedBy);
        return of(tenantId, agentId);
    }
}
