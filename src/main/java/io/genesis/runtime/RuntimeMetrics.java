package io.genesis.runtime;

import jakarta.annotation.PostConstruct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus counters and timers of this worker (labels topic and agent): {@code omnidaemon_tasks_received_total},
 * {@code omnidaemon_tasks_processed_total}, {@code omnidaemon_tasks_failed_total},
 * {@code omnidaemon_processing_duration_seconds}, the synchronous invokes waiting ({@code omnidaemon_invoke_waiting},
 * {@code omnidaemon_invoke_unwaited_total}) and answered per rollout path ({@code omnidaemon_invokes_total{path,outcome}},
 * {@code omnidaemon_invoke_duration_seconds{path}}). Cluster-wide cumulative counts live in Redis (see /api/metrics).
 */
@ApplicationScoped
public class RuntimeMetrics {

    private static final Metadata RECEIVED = Metadata.builder().withName("omnidaemon_tasks_received")
            .withDescription("Tasks received by this worker's consumers (first attempts)").build();
    private static final Metadata PROCESSED = Metadata.builder().withName("omnidaemon_tasks_processed")
            .withDescription("Tasks completed successfully").build();
    private static final Metadata FAILED = Metadata.builder().withName("omnidaemon_tasks_failed")
            .withDescription("Tasks that ended failed, dead-lettered or timed out").build();
    private static final Metadata RETRIED = Metadata.builder().withName("omnidaemon_tasks_retried")
            .withDescription("Failed attempts that were scheduled for a retry").build();
    private static final Metadata OUTAGE_WAITS = Metadata.builder().withName("omnidaemon_tasks_outage_waits")
            .withDescription("Attempts that failed on a dependency's outage (label dependency) and wait it out, not counted").build();
    private static final Metadata DURATION = Metadata.builder().withName("omnidaemon_processing_duration")
            .withDescription("Handler time per attempt").withUnit(MetricUnits.SECONDS).build();

    private static final Metadata INVOKES_WAITING = Metadata.builder().withName("omnidaemon_invoke_waiting")
            .withDescription("Synchronous POST /api/invoke calls waiting for their result on this worker").build();
    private static final Metadata INVOKES_UNWAITED = Metadata.builder().withName("omnidaemon_invoke_unwaited")
            .withDescription("Synchronous invokes answered 202 at once because every waiting place was taken").build();
    private static final Metadata INVOKES = Metadata.builder().withName("omnidaemon_invokes")
            .withDescription("POST /api/invoke calls answered, by path (sync: in-request, async: the runtime) and outcome").build();
    private static final Metadata INVOKE_DURATION = Metadata.builder().withName("omnidaemon_invoke_duration")
            .withDescription("Time to answer POST /api/invoke, by path").withUnit(MetricUnits.SECONDS).build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final AtomicInteger invokesWaiting = new AtomicInteger();

    @PostConstruct
    void registerGauges() {
        registry.gauge(INVOKES_WAITING, invokesWaiting, AtomicInteger::get);
    }

    /**
     * Takes one of {@code max} places for a synchronous invoke to wait in (each holds an HTTP thread): false, and
     * counted, when all are taken. A true answer is given back with {@link #invokeWaitEnded()}.
     */
    public boolean invokeWaitStarted(int max) {
        if (invokesWaiting.incrementAndGet() > max) {
            invokesWaiting.decrementAndGet();
            registry.counter(INVOKES_UNWAITED).inc();
            return false;
        }
        return true;
    }

    public void invokeWaitEnded() {
        invokesWaiting.decrementAndGet();
    }

    /**
     * One answered {@code POST /api/invoke}: its path, its outcome ({@code completed}, {@code failed}, {@code timed_out},
     * {@code dead_lettered}, or {@code accepted} when it answered 202 before the task finished) and how long it took.
     */
    public void invoked(Rollout.Path path, String outcome, Duration took) {
        registry.counter(INVOKES, new Tag("path", path.label()), new Tag("outcome", outcome)).inc();
        registry.timer(INVOKE_DURATION, new Tag("path", path.label())).update(took);
    }

    /** Metric instances per name and topic: a registry lookup per task costs more than the task's bookkeeping. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public void received(AgentPolicy policy) {
        counter(RECEIVED, policy).inc();
    }

    public void finished(AgentPolicy policy, TaskStatus status, Duration took) {
        counter(status == TaskStatus.COMPLETED ? PROCESSED : FAILED, policy).inc();
        timer(policy).update(took);
    }

    public void retried(AgentPolicy policy, Duration took) {
        counter(RETRIED, policy).inc();
        timer(policy).update(took);
    }

    public void waitedOutOutage(AgentPolicy policy, String dependency) {
        counters.computeIfAbsent(OUTAGE_WAITS.getName() + '|' + policy.topic() + '|' + dependency, key -> registry.counter(OUTAGE_WAITS,
                new Tag("topic", policy.topic()), new Tag("agent", policy.agent()), new Tag("dependency", dependency))).inc();
    }

    private Counter counter(Metadata metadata, AgentPolicy policy) {
        return counters.computeIfAbsent(metadata.getName() + '|' + policy.topic(), key -> registry.counter(metadata, tags(policy)));
    }

    private Timer timer(AgentPolicy policy) {
        return timers.computeIfAbsent(policy.topic(), key -> registry.timer(DURATION, tags(policy)));
    }

    private static Tag[] tags(AgentPolicy policy) {
        return new Tag[] {new Tag("topic", policy.topic()), new Tag("agent", policy.agent())};
    }
}
