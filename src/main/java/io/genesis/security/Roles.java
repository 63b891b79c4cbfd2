package io.genesis.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
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

    /**
     * The roles a resource method allows: its own {@code @RolesAllowed}, else its class's. {@code @DenyAll}, no
     * decision at all, or {@code @PermitAll} (nothing under /api is public) all allow no role.
     */
    public static List<String> allowedBy(Method method, Class<?> type) {
        for (AnnotatedElement element : new AnnotatedElement[]{method, type}) {
            if (element == null) {
                continue;
            }
            if (element.isAnnotationPresent(DenyAll.class) || element.isAnnotationPresent(PermitAll.class)) {
                return List.of();
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return Arrays.asList(roles.value());
            }
        }
        return List.of();
    }
}
