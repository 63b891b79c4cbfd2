package io.genesis.security;

import java.util.List;

/**
 * The three roles of Genesis, taken from the {@code groups} claim of the caller's token. A role is a capability, not
 * a rank: a token may carry several.
 */
public final class Roles {

    /** Acts inside its own tenant: creates and reads its businesses, tasks, payments, mandates and spend. */
    public static final String TENANT = "tenant";
    /** Decides its own tenant's escalated payments and held business tasks. */
    public static final String APPROVER = "approver";
    /** Runs the platform: runtime, bus, dead letters, budgets, and every tenant's data. */
    public static final String OPERATOR = "operator";

    public static final List<String> ALL = List.of(TENANT, APPROVER, OPERATOR);

    private Roles() {
    }
}
