package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.logging.Logger;

/** Publishes this worker's heartbeat to Redis ({@code <prefix>:workers}), read by {@code GET /api/runtime}. */
@ApplicationScoped
public class WorkerHeartbeat {

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeat.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    WorkerIdentity worker;

    void beat(Instant startedAt, int inFlight) {
        try {
            redis.client().hset(keys.workers(), worker.id(), JsonConventions.json().createObjectBuilder()
                    .add("worker_id", worker.id())
                    .add("started_at", startedAt.toString())
                    .add("last_heartbeat", Instant.now().toString())
                    .add("in_flight", inFlight)
                    .build().toString());
        } catch (RuntimeException e) {
            LOG.fine(() -> "heartbeat skipped: " + e.getMessage());
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
