package io.genesis.runtime;

import io.genesis.retry.Backoff;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.args.ListDirection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves terminal-task rows from the Redis outbox (filled by the {@link TopicRelay} from what each ack recorded) into
 * PostgreSQL in batches.
 * When the outbox is empty it blocks on Redis (BLMOVE into this worker's in-flight list) until a row arrives, so a
 * row is handed over as soon as it is written, without polling. While PostgreSQL is down the rows wait in Redis and
 * are written when it returns; none is lost. A row that the database refuses (a constraint) or that cannot be read is
 * set aside in {@code <outbox>:rejected} with the reason instead of blocking the others. Rows a crashed worker held in
 * flight are handed back by {@link #adoptFrom} once its heartbeat is stale ({@link WorkerHeartbeat}).
 */
@ApplicationScoped
public class ResultOutbox implements Runnable {

    private static final Logger LOG = Logger.getLogger(ResultOutbox.class.getName());
    private static final LuaScript CLAIM = LuaScript.load("claim_outbox");
    private static final LuaScript ADOPT = LuaScript.load("adopt_outbox");
    /** How long one blocking wait for a row lasts: the loop sees a stop request within this time. */
    private static final double IDLE_WAIT_SECONDS = 1.0;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    WorkerIdentity worker;

    @Inject
    RuntimeSettings settings;

    @Inject
    TaskResultStore store;

    private volatile boolean running = true;

    @Override
    public void run() {
        Backoff.Loop backoff = Backoff.loop();
        boolean databaseDown = false;
        while (running) {
            try {
                List<String> batch = claim();
                if (batch.isEmpty()) {
                    redis.client().blmove(keys.resultOutbox(), inFlightKey(), ListDirection.LEFT, ListDirection.RIGHT,
                            IDLE_WAIT_SECONDS);
                    continue;
                }
                write(batch);
                redis.client().del(inFlightKey());
                if (databaseDown) {
                    LOG.info("Result outbox: PostgreSQL is back, writing held results");
                    databaseDown = false;
                }
                backoff.reset();
            } catch (RuntimeException e) {
                backoff.fail();
                if (!databaseDown) {
                    LOG.warning("Result outbox: cannot write results now (" + e.getMessage() + "); they wait in Redis");
                    databaseDown = true;
                }
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    /** Rows held in Redis and not yet in PostgreSQL. */
    public long pending() {
        return redis.client().llen(keys.resultOutbox()) + redis.client().llen(inFlightKey());
    }

    void stop() {
        running = false;
    }

    private List<String> claim() {
        List<?> rows = (List<?>) CLAIM.run(redis.client(), List.of(keys.resultOutbox(), inFlightKey()),
                List.of(String.valueOf(settings.outboxBatchSize())));
        return rows.stream().map(LuaScript::text).toList();
    }

    /** Writes the batch in one transaction; rows that cannot be read are set aside first, refused ones one by one. */
    private void write(List<String> batch) {
        List<TaskResultRow> rows = new ArrayList<>(batch.size());
        List<String> texts = new ArrayList<>(batch.size());
        for (String text : batch) {
            try {
                rows.add(TaskResultRow.parse(text));
                texts.add(text);
            } catch (IllegalArgumentException unreadable) {
                reject(text, unreadable.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            store.writeAll(rows);
        } catch (TaskResultStore.Refused refused) {
            for (int i = 0; i < rows.size(); i++) {
                try {
                    store.writeAll(List.of(rows.get(i)));
                } catch (TaskResultStore.Refused e) {
                    reject(texts.get(i), e.getMessage());
                }
            }
        }
    }

    private void reject(String row, String reason) {
        LOG.log(Level.SEVERE, "Result row refused, kept in " + keys.resultOutbox() + ":rejected: " + reason);
        redis.client().rpush(keys.resultOutbox() + ":rejected", row);
    }

    private String inFlightKey() {
        return inFlightKey(worker.id());
    }

    private String inFlightKey(String workerId) {
        return keys.resultInFlight(workerId);
    }

    /**
     * Hands the rows dead workers held in flight back to the outbox, in one atomic call ({@code adopt_outbox.lua}):
     * called with every worker whose heartbeat is stale, so a crashed worker that never returns under its id strands
     * no result. This worker's own list is never taken.
     *
     * @return the rows handed back
     */
    public long adoptFrom(Collection<String> deadWorkerIds) {
        List<String> lists = new ArrayList<>();
        lists.add(keys.resultOutbox());
        deadWorkerIds.stream().filter(id -> !id.equals(worker.id())).map(this::inFlightKey).forEach(lists::add);
        if (lists.size() == 1) {
            return 0;
        }
        Object adopted = ADOPT.run(redis.client(), lists, List.of());
        long rows = adopted instanceof Long count ? count : 0;
        if (rows > 0) {
            LOG.warning("Result outbox: " + rows + " result row(s) held by dead worker(s) " + deadWorkerIds
                    + " handed back for writing");
        }
        return rows;
    }
}
