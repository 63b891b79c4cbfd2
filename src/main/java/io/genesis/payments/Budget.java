package io.genesis.payments;

import java.time.LocalDate;

/**
 * An agent's daily budget as the API shows it: the limit, where it comes from ({@code default} = the Genesis default
 * for that agent, {@code api} = set through PUT), and today's (UTC) committed and remaining cents.
 */
public record Budget(String agentId, long dailyLimitCents, String source, LocalDate day, long committedTodayCents,
                     long remainingTodayCents, String updatedBy) {
}
