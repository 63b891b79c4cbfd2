package io.genesis.payments;

import java.util.Optional;

/** An agent's daily limit was set through the API: for one tenant, or for every tenant (empty). */
public record BudgetChanged(String agentId, Optional<String> tenantId) {
}
