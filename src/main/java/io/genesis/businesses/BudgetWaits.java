package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.payments.BudgetChanged;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.ServerRole;
import io.genesis.runtime.TaskPublisher;
import io.genesis.runtime.WorkerIdentity;
import io.genesis.schema.SchemaReady;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Businesses WAITING_FOR_BUDGET are looked at again (an {@code advance} message to the Meta-Agent each, which plans
 * their waiting purchase anew and resumes them when it is covered): right after an agent's budget was set through the
 * API (those waiting for that agent's budget), and every {@code genesis.businesses.budget-wait.sweep-seconds} (all of
 * them, which is how a new budget day resumes them). An approver's decision resumes one at once ({@link BusinessApprovals}). The sweep runs on one worker at a time: it holds the
 * {@value #LEASE} lease in PostgreSQL for one period, so many pods do not all re-plan the same businesses. Each
 * {@code advance} is published in the business's own trace ({@link BusinessTrace}).
 */
@ApplicationScoped
public class BudgetWaits {

    private static final Logger LOG = Logger.getLogger(BudgetWaits.class.getName());
    static final String LEASE = "businesses.budget-wait-sweep";

    @Inject
    BusinessStore store;

    @Inject
    TaskPublisher publisher;

    @Inject
    AgentRegistry agents;

    @Inject
    WorkerIdentity worker;

    @Inject
    BusinessTrace trace;

    @Inject
    @ConfigProperty(name = "genesis.businesses.budget-wait.sweep-seconds")
    long sweepSeconds;

    /** Most businesses one sweep or one budget change looks at; the next sweep takes the rest. */
    @Inject
    @ConfigProperty(name = "genesis.businesses.budget-wait.batch")
    int batch;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = ServerRole.KEY)
    ServerRole role;

    void startSweeper(@Observes SchemaReady ready) {
        if (role.works()) {
            scheduler.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
        }
    }

    /** A budget was set: the businesses of that tenant (every tenant: empty) waiting for that agent's budget go on. */
    void budgetChanged(@Observes BudgetChanged change) {
        int advanced = 0;
        try {
            for (BusinessRecord business : waiting(change.tenantId())) {
                if (business.metadata() != null && business.metadata().get(TaskDispatch.BUDGET_WAIT) instanceof JsonObject wait
                        && change.agentId().equals(wait.getString("agent", null))) {
                    advance(business);
                    advanced++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("Businesses waiting for " + change.agentId() + "'s budget are left to the next sweep: " + e.getMessage());
        }
        if (advanced > 0) {
            LOG.info("Budget of " + change.agentId() + " set: " + advanced + " businesses waiting for it are planned again");
        }
    }

    /** Every waiting business (up to a batch) is planned again, when this worker holds the sweep lease. */
    void sweep() {
        try {
            if (!store.lease(LEASE, worker.id(), sweepSeconds)) {
                return;
            }
            waiting(Optional.empty()).forEach(this::advance);
        } catch (RuntimeException e) {
            LOG.fine(() -> "budget-wait sweep skipped: " + e.getMessage());
        }
    }

    private List<BusinessRecord> waiting(Optional<String> tenantId) {
        return store.list(new BusinessStore.Filter(tenantId.orElse(null), null, BusinessStatus.WAITING_FOR_BUDGET, batch, 0));
    }

    private void advance(BusinessRecord business) {
        AgentPolicy meta = agents.byAgent(MetaAgentHandler.AGENT).orElseThrow();
        String id = UUID.randomUUID().toString();
        JsonObject content = JsonConventions.json().createObjectBuilder().add("kind", "advance")
                .add("business_id", business.businessId()).build();
        try (Scope traced = trace.enter(business.businessId())) {
            publisher.publish(new Envelope(id, meta.topic(), content, null, null, business.businessId(), null,
                    MetaAgentHandler.AGENT, business.tenantId(), 0, Instant.now().toString(), null, business.businessId(),
                    "business-advance-" + id, null));
        }
    }
}
