package io.genesis.payments;

import java.time.LocalDate;

/**
 * An agent's daily budget as the API shows it to one tenant: the limit (the same in every tenant), where it comes from
 * ({@code default} = the Genesis default for that agent, {@code api} = set through PUT, by {@code updatedBy}), and
 * the tenant's committed and remaining cents today (UTC).
 */
public record Budget(String agentId, String tenantId, long dailyLimitCents, String source, LocalDate day, long committedTodayCents,
                     long remainingTodayCents, String updatedBy) {
}
