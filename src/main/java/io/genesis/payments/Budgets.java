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
 * ({@code agent_budgets}); today's committed spend comes from {@code agent_daily_spend}.
 */
@ApplicationScoped
public class Budgets {

    @Inject
    BudgetStore store;

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    public long dailyLimitCents(String agentId) {
        return store.override(agentId).map(BudgetStore.Limit::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
    }

    public List<Budget> all() {
        return agents.all().stream().map(policy -> of(policy.agent())).toList();
    }

    public Budget of(String agentId) {
        Optional<BudgetStore.Limit> override = store.override(agentId);
        long limit = override.map(BudgetStore.Limit::cents).orElseGet(() -> settings.defaultDailyCents(agentId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long committed = store.committed(agentId, today);
        return new Budget(agentId, limit, override.isPresent() ? "api" : "default", today, committed,
                Math.max(0, limit - committed), override.map(BudgetStore.Limit::by).orElse(null));
    }

    public Budget set(String agentId, long dailyLimitCents, String updatedBy) {
        store.setOverride(agentId, dailyLimitCents, updatedBy);
        return of(agentId);
    }
}
