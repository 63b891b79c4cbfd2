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
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Publishes this worker's heartbeat to Redis ({@code <prefix>:workers}), read by {@code GET /api/runtime}, and
 * forgets workers whose last heartbeat is older than {@code forget-workers-after-seconds} (crashed, or scaled away
 * without a graceful stop): until then they are listed as stale.
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
    @ConfigProperty(name = "genesis.runtime.forget-workers-after-seconds")
    long forgetWorkersAfterSeconds;

    void beat(Instant startedAt, int inFlight) {
        try {
            redis.client().hset(keys.workers(), worker.id(), JsonConventions.json().createObjectBuilder()
                    .add("worker_id", worker.id())
                    .add("started_at", startedAt.toString())
                    .add("last_heartbeat", Instant.now().toString())
                    .add("in_flight", inFlight)
                    .build().toString());
            forgetLongGone(redis.client().hgetAll(keys.workers()), Instant.now());
        } catch (RuntimeException e) {
            LOG.fine(() -> "heartbeat skipped: " + e.getMessage());
        }
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
