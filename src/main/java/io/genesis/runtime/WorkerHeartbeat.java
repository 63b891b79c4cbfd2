package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Publishes this worker's heartbeat to Redis ({@code <prefix>:workers}), read by {@code GET /api/runtime}; hands the
 * result rows of workers whose heartbeat is older than {@code worker-stale-seconds} back to the outbox
 * ({@link ResultOutbox#adoptFrom}, one call per heartbeat); and forgets workers whose last heartbeat is older than
 * {@code forget-workers-after-seconds} (crashed, or scaled away without a graceful stop): until then they are listed as
 * stale.
 */
@ApplicationScoped
public class WorkerHeartbeat {

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeat.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    WorkerIdentity worker;

    @Inject
    ResultOutbox outbox;

    @Inject
    @ConfigProperty(name = "genesis.runtime.forget-workers-after-seconds")
    long forgetWorkersAfterSeconds;

    @Inject
    @ConfigProperty(name = "genesis.runtime.worker-stale-seconds")
    long workerStaleSeconds;

    void beat(Instant startedAt, int inFlight) {
        try {
            redis.client().hset(keys.workers(), worker.id(), JsonConventions.json().createObjectBuilder()
                    .add("worker_id", worker.id())
                    .add("started_at", startedAt.toString())
                    .add("last_heartbeat", Instant.now().toString())
                    .add("in_flight", inFlight)
                    .build().toString());
            Map<String, String> heartbeats = redis.client().hgetAll(keys.workers());
            Instant now = Instant.now();
            adoptFromStale(heartbeats, now);
            forgetLongGone(heartbeats, now);
        } catch (RuntimeException e) {
            LOG.fine(() -> "heartbeat skipped: " + e.getMessage());
        }
    }

    /** Result rows held in flight by workers whose heartbeat is stale go back to the outbox (before they are forgotten). */
    private void adoptFromStale(Map<String, String> heartbeats, Instant now) {
        Duration stale = Duration.ofSeconds(workerStaleSeconds);
        List<String> dead = heartbeats.entrySet().stream()
                .filter(entry -> lastHeartbeat(entry.getValue())
                        .filter(last -> Duration.between(last, now).compareTo(stale) > 0).isPresent())
                .map(Map.Entry::getKey).toList();
        outbox.adoptFrom(dead);
    }

    private void forgetLongGone(Map<String, String> heartbeats, Instant now) {
        Duration limit = Duration.ofSeconds(forgetWorkersAfterSeconds);
        heartbeats.forEach((id, heartbeat) -> lastHeartbeat(heartbeat)
                .filter(last -> Duration.between(last, now).compareTo(limit) > 0)
                .ifPresent(last -> {
                    redis.client().hdel(keys.workers(), id);
                    LOG.info(() -> "worker " + id + " forgotten: last heartbeat " + last);
                }));
    }

    /** The heartbeat's time; empty for an entry that cannot be read (left alone, shown as it is). */
    static Optional<Instant> lastHeartbeat(String heartbeat) {
        try {
            return Optional.of(Instant.parse(JsonConventions.readObject(heartbeat).getString("last_heartbeat")));
        } catch (JsonException | DateTimeParseException | NullPointerException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** A worker that stops gracefully leaves the list; one that crashed stays, shown as stale. */
    void leave() {
        try {
            redis.client().hdel(keys.workers(), worker.id());
        } catch (RuntimeException e) {
            LOG.fine(() -> "heartbeat removal skipped: " + e.getMessage());
        }
    }
}
