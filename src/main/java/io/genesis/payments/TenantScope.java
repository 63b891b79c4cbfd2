package io.genesis.payments;

import java.util.Optional;

/**
 * Whose payments, mandates, budgets and spend a call may read or change: one tenant's, or every tenant's (an operator
 * who named no tenant). The boundary decides it from the caller's token; the stores put it in the WHERE clause of every
 * query, so another tenant's object is never read and looks exactly like a missing one.
 */
public record TenantScope(Optional<String> tenantId) {

    private static final TenantScope EVERY = new TenantScope(Optional.empty());

    public TenantScope {
        tenantId = tenantId.filter(tenant -> !tenant.isBlank());
    }

    /** One tenant's objects only. */
    public static TenantScope of(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant scope needs a tenant");
        }
        return new TenantScope(Optional.of(tenantId));
    }

    /** Every tenant's objects: an operator's view, and the ledger's own steps on a payment it already holds. */
    public static TenantScope every() {
        return EVERY;
    }

    /** One tenant's, or every tenant's when {@code tenantId} is empty. */
    public static TenantScope of(Optional<String> tenantId) {
        return tenantId.map(TenantScope::of).orElse(EVERY);
    }
}
