package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import io.genesis.results.TaskResultWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves terminal-task rows from the Redis outbox (filled atomically with each ack) into PostgreSQL in batches.
 * While PostgreSQL is down the rows wait in Redis and are written when it returns; none is lost. A row that the
 * database refuses (a constraint) is set aside in {@code <outbox>:rejected} with the reason instead of blocking
 * the others.
 */
@ApplicationScoped
public class ResultOutbox implements Runnable {

    private static final Logger LOG = Logger.getLogger(ResultOutbox.class.getName());
    private static final LuaScript CLAIM = LuaScript.load("claim_outbox");
    private static final long IDLE_PAUSE_MS = 20;
    private static final long MAX_BACKOFF_MS = 2000;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    WorkerIdentity worker;

    @Inject
    RuntimeSettings settings;

    @Inject
    TaskResultWriter writer;

    private volatile boolean running = true;

    @Override
    public void run() {
        long backoff = 0;
        boolean databaseDown = false;
        while (running) {
            try {
                List<String> batch = claim();
                if (batch.isEmpty()) {
                    if (!Pause.sleep(IDLE_PAUSE_MS)) {
                        return;
                    }
                    continue;
                }
                write(batch);
                redis.client().del(inFlightKey());
                if (databaseDown) {
                    LOG.info("Result outbox: PostgreSQL is back, writing held results");
                    databaseDown = false;
                }
                backoff = 0;
            } catch (SQLException | RuntimeException e) {
                if (!databaseDown) {
                    LOG.warning("Result outbox: cannot write results now (" + e.getMessage() + "); they wait in Redis");
                    databaseDown = true;
                }
                backoff = backoff == 0 ? 100 : Math.min(MAX_BACKOFF_MS, backoff * 2);
                if (!Pause.sleep(backoff)) {
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
        return rows.stream().map(row -> row instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(row))
                .toList();
    }

    private void write(List<String> batch) throws SQLException {
        try {
            writer.writeAll(batch);
        } catch (SQLException e) {
            if (TaskResultWriter.unavailable(e)) {
                throw e;
            }
            writeOneByOne(batch);
        }
    }

    private void writeOneByOne(List<String> batch) throws SQLException {
        for (String row : batch) {
            try {
                writer.writeAll(List.of(row));
            } catch (SQLException e) {
                if (TaskResultWriter.unavailable(e)) {
                    throw e;
                }
                LOG.log(Level.SEVERE, "Result row refused by PostgreSQL, kept in " + keys.resultOutbox() + ":rejected: "
                        + e.getMessage());
                redis.client().rpush(keys.resultOutbox() + ":rejected", row);
            }
        }
    }

    private String inFlightKey() {
        return keys.resultOutbox() + ":inflight:" + worker.id();
    }

}
