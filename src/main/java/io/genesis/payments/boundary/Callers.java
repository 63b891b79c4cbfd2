package io.genesis.payments.boundary;

import io.genesis.payments.TenantScope;
import io.genesis.security.TenantResolver;

/**
 * What the payments resources take from the caller's token, through {@link TenantResolver}: the tenant scope a call
 * reads and acts within, and the subject recorded as who decided, captured, voided, refunded, revoked or set a budget.
 */
final class Callers {

    /** OpenID Connect caps {@code sub} at 255 characters; so do the columns that record it. */
    private static final int MAX_SUBJECT = 255;

    private Callers() {
    }

    /** The caller's own tenant; an operator's, the tenant it filters on ({@code tenant_id}), else every tenant. */
    static TenantScope scope(TenantResolver tenants, String requestedTenant) {
        return TenantScope.of(tenants.readScope(requestedTenant));
    }

    /** Who the caller is, as recorded in decisions, events, revocations and budgets. */
    static String subject(TenantResolver tenants) {
        String subject = tenants.subject();
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }
}
