package io.genesis.payments;

import java.time.LocalDate;

/**
 * An agent's daily budget as the API shows it to one tenant: the limit, where it comes from ({@code default} = the
 * Genesis default for that agent, {@code tenant-config} = configured for this tenant, {@code api} = set through PUT for
 * every tenant, {@code api-tenant} = set through PUT for this tenant, by {@code updatedBy}), and the tenant's committed,
 * planned (earmarked by purchases the Meta-Agent planned and no payment took yet) and remaining cents today (UTC).
 */
public record Budget(String agentId, String tenantId, long dailyLimitCents, String source, LocalDate day, long committedTodayCents,
                     long plannedTodayCents, long remainingTodayCents, String updatedBy) {
}
