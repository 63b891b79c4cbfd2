package io.genesis.payments;

import io.genesis.payments.store.BudgetStore;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Agents' daily budgets. A limit applies to each tenant separately (today's spend comes from {@code agent_daily_spend}
 * of one tenant, so one tenant's purchases never use up another's budget) and is, first found: the tenant's own limit
 * set through the API, the tenant's configured one ({@code genesis.tenants.<tenant>.budgets.<agent>.daily-cents}), the
 * limit set through the API for every tenant, the Genesis default for the agent, the general default. Setting a limit
 * announces a {@link BudgetChanged}, so businesses waiting for budget are looked at again.
 */
@ApplicationScoped
public class Budgets {

    @Inject
    BudgetStore store;

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry agents;

    @Inject
    Event<BudgetChanged> changes;

    /** The limit that applies to one tenant, where it comes from and who set it (null when configured). */
    private record Applied(long cents, String source, String by) {
    }

    /** The agent's daily limit in the tenant. */
    public long dailyLimitCents(String tenantId, String agentId) {
        return limit(tenantId, agentId).cents();
    }

    /** Every agent's budget as the tenant sees it today. */
    public List<Budget> all(String tenantId) {
        return agents.all().stream().map(policy -> of(tenantId, policy.agent())).toList();
    }

    /** The agent's limit and what the tenant's purchases by it committed and planned today. */
    public Budget of(String tenantId, String agentId) {
        Applied limit = limit(tenantId, agentId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BudgetStore.Spent spent = store.spent(tenantId, agentId, today);
        return new Budget(agentId, tenantId, limit.cents(), limit.source(), today, spent.committedCents(), spent.plannedCents(),
                Math.max(0, limit.cents() - spent.committedCents() - spent.plannedCents()), limit.by());
    }

    /**
     * Sets the agent's daily limit for every tenant, or for {@code tenantId} alone when {@code tenantOnly}; answers it as
     * {@code tenantId} sees it.
     */
    public Budget set(String tenantId, String agentId, long dailyLimitCents, boolean tenantOnly, String updatedBy) {
        store.setOverride(agentId, tenantOnly ? tenantId : BudgetStore.EVERY_TENANT, dailyLimitCents, updatedBy);
        changes.fire(new BudgetChanged(agentId, tenantOnly ? Optional.of(tenantId) : Optional.empty()));
        return of(tenantId, agentId);
    }

    /**
     * First found: {@code api-tenant} (set through PUT for this tenant), {@code tenant-config}, {@code api} (set through
     * PUT for every tenant), {@code default}.
     */
    private Applied limit(String tenantId, String agentId) {
        List<BudgetStore.Limit> set = store.overrides(tenantId, agentId);
        Optional<Applied> own = set.stream().filter(l -> !BudgetStore.EVERY_TENANT.equals(l.tenantId())).findFirst()
                .map(l -> new Applied(l.cents(), "api-tenant", l.by()));
        Optional<Applied> everyTenant = set.stream().filter(l -> BudgetStore.EVERY_TENANT.equals(l.tenantId())).findFirst()
                .map(l -> new Applied(l.cents(), "api", l.by()));
        return own.or(() -> settings.tenantDailyCents(tenantId, agentId).map(cents -> new Applied(cents, "tenant-config", null)))
                .or(() -> everyTenant)
                .orElseGet(() -> new Applied(settings.defaultDailyCents(agentId), "default", null));
    }
}
