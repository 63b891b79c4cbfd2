package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import io.genesis.runtime.TokenBuckets;
import io.genesis.security.Caller;
import io.genesis.security.TenantResolver;
import io.genesis.security.TenantSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Per-tenant rate limit on every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under /api): a token
 * bucket in Redis shared by all workers ({@link TokenBuckets}); over it, 429 problem+json with {@code Retry-After}.
 * A tenant may have its own allowance ({@link TenantSettings}); a caller without a tenant (an operator token) is
 * limited by its subject. Runs after the role check, so refused
 * callers spend nothing. When Redis cannot answer, the write goes on (it answers 503 itself if it needs Redis).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 100)
public class WriteRateLimit implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(WriteRateLimit.class.getName());
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String PREFIX = "genesis.http.rate-limit.";

    @Inject
    TokenBuckets buckets;

    @Inject
    TenantResolver tenants;

    @Inject
    TenantSettings settings;

    @Inject
    @ConfigProperty(name = PREFIX + "writes-per-second")
    double perSecond;

    @Inject
    @ConfigProperty(name = PREFIX + "burst")
    int burst;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        Caller caller = tenants.caller();
        String bucket = caller.tenant() != null ? "tenant:" + caller.tenant() : "subject:" + caller.subject();
        double rate = settings.number(caller.tenant(), TenantSettings.WRITES_PER_SECOND, perSecond);
        int size = settings.whole(caller.tenant(), TenantSettings.WRITE_BURST, burst);
        long waitMillis;
        try {
            waitMillis = buckets.take("writes:" + bucket, rate, size);
        } catch (RuntimeException e) {
            LOG.fine(() -> "rate limit not checked (Redis): " + e.getMessage());
            return;
        }
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                            "Too many writes for " + bucket.replace(':', ' ') + ": " + rate + " per second (burst " + size
                                    + "); retry in " + seconds + " s")
                    .withInstance("/api/" + request.getUriInfo().getPath().replaceFirst("^/", "")).toResponse())
                    .header("Retry-After", String.valueOf(seconds)).build());
        }
    }
}
