package io.genesis.businesses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of business creation on this worker: {@code meta_agent_businesses_created_total},
 * {@code meta_agent_businesses_finished_total{status}}, {@code meta_agent_success_rate},
 * {@code meta_agent_execution_duration_seconds}, {@code meta_agent_projected_mrr_dollars},
 * {@code meta_agent_safety_violations_total}.
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final Metadata CREATED = Metadata.builder().withName("meta_agent_businesses_created")
            .withDescription("Business creations accepted").build();
    private static final Metadata FINISHED = Metadata.builder().withName("meta_agent_businesses_finished")
            .withDescription("Business creations that reached SUCCESS, FAILED or BLOCKED").build();
    private static final Metadata SUCCESS_RATE = Metadata.builder().withName("meta_agent_success_rate")
            .withDescription("Share of finished businesses that succeeded (this worker, since start)").build();
    private static final Metadata DURATION = Metadata.builder().withName("meta_agent_execution_duration")
            .withDescription("Time from request to terminal status").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata MRR = Metadata.builder().withName("meta_agent_projected_mrr")
            .withDescription("Projected monthly recurring revenue of finished businesses").withUnit("dollars").build();
    private static final Metadata VIOLATIONS = Metadata.builder().withName("meta_agent_safety_violations")
            .withDescription("Tasks the WaltzRL gate found unsafe").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();

    @jakarta.annotation.PostConstruct
    void registerGauge() {
        registry.gauge(SUCCESS_RATE, this, metrics -> metrics.finished.get() == 0 ? 0.0
                : (double) metrics.succeeded.get() / metrics.finished.get());
    }

    public void created(String businessType) {
        registry.counter(CREATED, new Tag("business_type", businessType)).inc();
    }

    public void finished(String businessType, BusinessStatus status, Duration took) {
        registry.counter(FINISHED, new Tag("business_type", businessType), new Tag("status", status.name())).inc();
        finished.incrementAndGet();
        if (status == BusinessStatus.SUCCESS) {
            succeeded.incrementAndGet();
        }
        if (took != null) {
            registry.timer(DURATION, new Tag("business_type", businessType)).update(took);
        }
    }

    public void projected(int monthlyRevenue) {
        registry.histogram(MRR).update(monthlyRevenue);
    }

    public void safetyViolations(int count) {
        registry.counter(VIOLATIONS).inc(count);
    }
}
