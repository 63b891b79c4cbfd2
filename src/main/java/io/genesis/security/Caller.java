package io.genesis.security;

import java.util.Set;

/**
 * Who is calling, as the verified token says: its subject ({@code sub}), its tenant ({@code tenant_id}, null when the
 * token carries none) and its roles ({@code groups}).
 */
public record Caller(String subject, String tenant, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Operators see and act on every tenant's data. */
    public boolean isOperator() {
        return has(Roles.OPERATOR);
    }

    /** Whether this caller may see or change an object that belongs to {@code ownerTenant}. */
    public boolean mayAccess(String ownerTenant) {
        return isOperator() || (tenant != null && tenant.equals(ownerTenant));
    }
}
