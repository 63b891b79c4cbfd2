package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.ServerRole;
import io.genesis.runtime.TaskPublisher;
import io.genesis.runtime.TraceContext;
import io.genesis.schema.SchemaReady;
import io.opentelemetry.context.Scope;
import io.genesis.security.TenantSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Accepts a business creation: one row (idempotent per tenant and key) and one {@code create} message on
 * {@code genesis.meta.orchestrate}; no HTTP thread waits for planning. A business whose create message could not be
 * published (Redis down at that instant) is re-published by a sweeper, so nothing accepted is lost.
 */
@ApplicationScoped
public class BusinessIntake {

    private static final Logger LOG = Logger.getLogger(BusinessIntake.class.getName());
    private static final SecureRandom IDS = new SecureRandom();
    private static final long SWEEP_SECONDS = 30;

    @Inject
    BusinessStore store;

    @Inject
    TaskPublisher publisher;

    @Inject
    AgentRegistry agents;

    @Inject
    BusinessMetrics metrics;

    @Inject
    MonitoringEvents monitoring;

    @Inject
    BusinessTrace trace;

    /** Businesses one tenant may create per UTC day (the Genesis quota per user). */
    @Inject
    @ConfigProperty(name = "genesis.businesses.daily-quota-per-tenant")
    int dailyQuota;

    @Inject
    TenantSettings settings;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = ServerRole.KEY)
    ServerRole role;

    /** Accepts {@code request} for {@code tenantId} (the tenant already resolved) and asks the Meta-Agent to plan it. */
    public BusinessStore.Created accept(String tenantId, BusinessRequest request, String idempotencyKey, String traceparent) {
        String businessId = "biz_" + HexFormat.of().formatHex(randomBytes());
        String businessType = request.businessType();
        BusinessStore.Created created = store.create(businessId, tenantId, businessType, request.runsAutonomously(),
                idempotencyKey, request.toJson(), settings.whole(tenantId, TenantSettings.DAILY_BUSINESS_QUOTA, dailyQuota));
        if (created.created()) {
            metrics.created(businessType);
            monitoring.emit(MonitoringEvents.Kind.BUSINESS_CREATED, created.business(), java.util.Map.of());
            LOG.info("Business " + created.business().businessId() + " requested (" + businessType + ", tenant " + tenantId + ")");
        }
        if (created.business().status() == BusinessStatus.INITIALIZING) {
            publishCreate(created.business(), traceparent);
        }
        return created;
    }

    /** The stalled-business sweep is background work: servers of role api leave it to the workers. */
    void startSweeper(@Observes SchemaReady ready) {
        if (!role.works()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::republishStalled, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Businesses still INITIALIZING after a sweep period get their create message again (idempotent). */
    void republishStalled() {
        try {
            List<BusinessRecord> stalled = store.list(new BusinessStore.Filter(null, null, BusinessStatus.INITIALIZING, 100, 0));
            for (BusinessRecord business : stalled) {
                if (business.createdAt().isBefore(Instant.now().minusSeconds(SWEEP_SECONDS))) {
                    try (Scope traced = trace.enter(business.businessId())) {
                        publishCreate(business, null);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "stalled-business sweep skipped: " + e.getMessage());
        }
    }

    private void publishCreate(BusinessRecord business, String traceparent) {
        AgentPolicy meta = agents.byAgent(MetaAgentHandler.AGENT).orElseThrow();
        JsonObject content = JsonConventions.json().createObjectBuilder().add("kind", "create").add("business_id", business.businessId()).build();
        publisher.publish(new Envelope(BusinessPlanner.runtimeTaskId(business.businessId(), "create"), meta.topic(), content,
                null, null, business.businessId(), null, "api", business.tenantId(), 0, Instant.now().toString(),
                TraceContext.continueOrStart(traceparent), business.businessId(), "business-create-" + business.businessId(), null));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        IDS.nextBytes(bytes);
        return bytes;
    }
}
