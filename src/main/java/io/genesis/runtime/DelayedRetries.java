package io.genesis.runtime;

import io.genesis.retry.Backoff;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * Moves retries whose backoff has elapsed from the delayed set back to their topic streams (atomic Lua, safe with
 * many workers doing it at once). Runs as a long-running loop on the consumer executor.
 */
@ApplicationScoped
public class DelayedRetries implements Runnable {

    private static final Logger LOG = Logger.getLogger(DelayedRetries.class.getName());
    private static final LuaScript RELEASE = LuaScript.load("release_delayed");
    private static final int BATCH = 200;
    private static final long IDLE_PAUSE_MS = 50;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    private volatile boolean running = true;

    @Override
    public void run() {
        Backoff.Loop backoff = Backoff.loop();
        while (running) {
            try {
                long moved = (Long) RELEASE.run(redis.client(), List.of(keys.delayed()),
                        List.of(String.valueOf(System.currentTimeMillis()), String.valueOf(BATCH), keys.stream("")));
                backoff.reset();
                if (moved < BATCH && !Backoff.sleep(IDLE_PAUSE_MS)) {
                    return;
                }
            } catch (RuntimeException e) {
                if (backoff.fail()) {
                    LOG.warning("Delayed retries: " + e.getMessage() + " (retrying)");
                }
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    void stop() {
        running = false;
    }

}
