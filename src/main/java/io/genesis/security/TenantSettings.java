package io.genesis.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Per-tenant overrides of the abuse limits, read from MicroProfile Config as {@code genesis.tenants.<tenant>.<name>}
 * (env {@code GENESIS_TENANTS_<TENANT>_<NAME>}), e.g. {@code genesis.tenants.acme.writes-per-second=500}; a tenant
 * without one gets the default its caller passes.
 */
@ApplicationScoped
public class TenantSettings {

    public static final String WRITES_PER_SECOND = "writes-per-second";
    public static final String WRITE_BURST = "write-burst";
    public static final String DAILY_BUSINESS_QUOTA = "daily-business-quota";
    public static final String MAX_EVENT_STREAMS = "max-event-streams";

    @Inject
    Config config;

    public double number(String tenant, String name, double fallback) {
        return tenant == null ? fallback : config.getOptionalValue(key(tenant, name), Double.class).orElse(fallback);
    }

    public int whole(String tenant, String name, int fallback) {
        return tenant == null ? fallback : config.getOptionalValue(key(tenant, name), Integer.class).orElse(fallback);
    }

    static String key(String tenant, String name) {
        return "genesis.tenants." + tenant + "." + name;
    }
}
