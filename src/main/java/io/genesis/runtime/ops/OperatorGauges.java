package io.genesis.runtime.ops;

import io.genesis.runtime.AgentPolicy;
import io.genesis.redis.RedisConnection;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.RuntimeKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Prometheus gauges {@code omnidaemon_dlq_depth} and {@code omnidaemon_pending_tasks} per topic and agent, and
 * {@code omnidaemon_workers_alive} (workers whose heartbeat is fresh, cluster-wide: the alert on missing heartbeats
 * reads it). A scrape reads a snapshot that is refreshed at most every {@code genesis.operator.gauge-refresh-seconds};
 * while Redis cannot be read the gauges are NaN, not stale.
 */
@ApplicationScoped
public class OperatorGauges {

    public static final String DLQ_DEPTH = "omnidaemon_dlq_depth";
    public static final String PENDING_TASKS = "omnidaemon_pending_tasks";
    public static final String WORKERS_ALIVE = "omnidaemon_workers_alive";

    private static final Logger LOG = Logger.getLogger(OperatorGauges.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    AgentRegistry agents;

    @Inject
    BusReader bus;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    /** Injected here, not read through another bean: gauges are read on the metrics runtime's threads. */
    @Inject
    @ConfigProperty(name = "genesis.runtime.worker-stale-seconds")
    long workerStaleSeconds;

    @Inject
    @ConfigProperty(name = "genesis.operator.gauge-refresh-seconds")
    long refreshSeconds;

    private Snapshot snapshot;

    /** Depths per topic and live workers as of {@code takenAt}; both null when Redis could not be read. */
    private record Snapshot(Instant takenAt, Map<String, TopicState> byTopic, Long workersAlive) {
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Metadata dlq = Metadata.builder().withName(DLQ_DEPTH).withUnit(MetricUnits.NONE)
                .withDescription("Dead letters waiting in the topic's dead-letter stream").build();
        Metadata pending = Metadata.builder().withName(PENDING_TASKS).withUnit(MetricUnits.NONE)
                .withDescription("Tasks delivered to the agent's consumer group and not yet acknowledged").build();
        for (AgentPolicy policy : agents.all()) {
            Tag[] tags = {new Tag("topic", policy.topic()), new Tag("agent", policy.agent())};
            registry.gauge(dlq, () -> value(policy.topic(), TopicState::deadLetterDepth), tags);
            registry.gauge(pending, () -> value(policy.topic(), TopicState::pending), tags);
        }
        registry.gauge(Metadata.builder().withName(WORKERS_ALIVE).withUnit(MetricUnits.NONE)
                .withDescription("Workers whose last heartbeat is at most genesis.runtime.worker-stale-seconds old").build(),
                () -> {
                    Long alive = current().workersAlive();
                    return alive == null ? Double.NaN : alive.doubleValue();
                });
    }

    private Double value(String topic, ToLongFunction<TopicState> field) {
        Map<String, TopicState> byTopic = current().byTopic();
        TopicState state = byTopic == null ? null : byTopic.get(topic);
        return state == null ? Double.NaN : (double) field.applyAsLong(state);
    }

    private synchronized Snapshot current() {
        Instant now = Instant.now();
        if (snapshot == null || Duration.between(snapshot.takenAt(), now).compareTo(Duration.ofSeconds(refreshSeconds)) >= 0) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            List<TopicState> states = bus.topics(agents.all(), false);
            return new Snapshot(now, states.stream().collect(Collectors.toMap(state -> state.policy().topic(), state -> state)),
                    RuntimeOverview.heartbeats(redis.client().hgetAll(keys.workers()), now, workerStaleSeconds).stream()
                            .filter(WorkerStatus::alive).count());
        } catch (JedisException e) {
            LOG.log(Level.FINE, "gauges: Redis not readable", e);
            return new Snapshot(now, null, null);
        }
    }
}
