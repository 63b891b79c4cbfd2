package io.genesis.payments;

import io.genesis.payments.store.SpendStore;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prometheus gauge {@value #COMMITTED_TODAY}{@code {agent}}: US cents committed today (UTC budget day) by each agent
 * over every tenant — what the daily agent budgets count — read from PostgreSQL, so every pod reports the same
 * cluster-wide figure (aggregate with {@code max}, not {@code sum}). Refreshed at most every
 * {@code genesis.operator.gauge-refresh-seconds}; NaN while PostgreSQL cannot be read.
 */
@ApplicationScoped
public class SpendGauges {

    public static final String COMMITTED_TODAY = "genesis_payments_committed_today_cents";

    private static final Logger LOG = Logger.getLogger(SpendGauges.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    AgentRegistry agents;

    @Inject
    SpendStore spend;

    @Inject
    @ConfigProperty(name = "genesis.operator.gauge-refresh-seconds")
    long refreshSeconds;

    private Instant takenAt;
    private Map<String, Long> byAgent;

    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Metadata committed = Metadata.builder().withName(COMMITTED_TODAY)
                .withDescription("US cents committed today (UTC) by the agent, all tenants: what its daily budget counts")
                .build();
        for (AgentPolicy policy : agents.all()) {
            registry.gauge(committed, () -> committedToday(policy.agent()), new Tag("agent", policy.agent()));
        }
    }

    private Double committedToday(String agent) {
        Map<String, Long> current = current();
        return current == null ? Double.NaN : current.getOrDefault(agent, 0L).doubleValue();
    }

    private synchronized Map<String, Long> current() {
        Instant now = Instant.now();
        if (takenAt == null || Duration.between(takenAt, now).compareTo(Duration.ofSeconds(refreshSeconds)) >= 0) {
            takenAt = now;
            try {
                byAgent = spend.committedTodayByAgent();
            } catch (LedgerUnavailable e) {
                LOG.log(Level.FINE, "spend gauge: PostgreSQL not readable", e);
                byAgent = null;
            }
        }
        return byAgent;
    }
}
