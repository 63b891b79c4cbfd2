package io.genesis.runtime.ops;

import io.genesis.problem.Failures;
import io.genesis.health.ApplicationStarted;
import io.genesis.redis.RedisConnection;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.RuntimeKeys;
import io.genesis.runtime.WorkerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds the {@link RuntimeReport}: Redis, worker heartbeats and bus totals, and a status that never throws. */
@ApplicationScoped
public class RuntimeOverview {


    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    AgentRegistry agents;

    @Inject
    BusReader bus;

    @Inject
    WorkerIdentity worker;

    @Inject
    ApplicationStarted application;

    @Inject
    @ConfigProperty(name = "genesis.runtime.worker-stale-seconds")
    long workerStaleSeconds;

    public RuntimeReport report() {
        Instant now = Instant.now();
        var thisWorker = new RuntimeReport.ThisWorker(worker.id(), application.uptime().toSeconds());
        List<String> topics = agents.topics();
        try {
            long started = System.nanoTime();
            RedisServerInfo info = bus.serverInfo();
            long roundTripMs = (System.nanoTime() - started) / 1_000_000;
            List<WorkerStatus> workers = heartbeats(redis.client().hgetAll(keys.workers()), now);
            List<TopicState> states = bus.topics(agents.all(), false);
            RuntimeReport.Verdict verdict = RuntimeReport.judge(null, workers, workerStaleSeconds);
            return new RuntimeReport(verdict.status(), verdict.reasons(), now.toString(), thisWorker,
                    new RuntimeReport.Redis(true, redis.describe(), info.version(), info.usedMemoryHuman(),
                            info.usedMemoryBytes(), roundTripMs, null),
                    workers, (int) workers.stream().filter(WorkerStatus::alive).count(), workerStaleSeconds,
                    agents.all().size(), topics,
                    states.stream().mapToLong(TopicState::length).sum(),
                    states.stream().mapToLong(TopicState::pending).sum(),
                    states.stream().mapToLong(TopicState::deadLetterDepth).sum());
        } catch (JedisException e) {
            String error = Failures.brief(e);
            RuntimeReport.Verdict verdict = RuntimeReport.judge(error, List.of(), workerStaleSeconds);
            return new RuntimeReport(verdict.status(), verdict.reasons(), now.toString(), thisWorker,
                    new RuntimeReport.Redis(false, redis.describe(), null, null, null, null, error),
                    List.of(), null, workerStaleSeconds, agents.all().size(), topics, null, null, null);
        }
    }

    private List<WorkerStatus> heartbeats(Map<String, String> hash, Instant now) {
        return heartbeats(hash, now, workerStaleSeconds);
    }

    /** Every heartbeat of {@code hash} read as of {@code now}, alive when at most {@code staleSeconds} old. */
    static List<WorkerStatus> heartbeats(Map<String, String> hash, Instant now, long staleSeconds) {
        Duration stale = Duration.ofSeconds(staleSeconds);
        return hash.entrySet().stream()
                .map(entry -> WorkerStatus.read(entry.getKey(), entry.getValue(), now, stale))
                .sorted(Comparator.comparing(WorkerStatus::workerId))
                .toList();
    }

}
