package io.genesis.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * The one place that decides which tenant a request acts for. Today: the request's own {@code tenant_id}, else
 * the {@code X-Tenant-Id} header, else {@value #DEFAULT_TENANT}. When bearer tokens arrive, the token's tenant
 * wins here and a mismatching body value is refused.
 */
@ApplicationScoped
public class TenantResolver {

    public static final String DEFAULT_TENANT = "default";
    public static final String HEADER = "X-Tenant-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public String resolve(String fromBody, String fromHeader) {
        String tenant = fromBody != null ? fromBody : fromHeader != null ? fromHeader : DEFAULT_TENANT;
        if (!VALID.matcher(tenant).matches()) {
            throw new InvalidParameter("tenant_id", "tenant_id must be 1-100 characters of letters, digits, '.', '_' or '-'");
        }
        return tenant;
    }
}
