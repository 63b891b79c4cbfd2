package io.genesis.runtime;

import io.genesis.retry.Backoff;
import io.genesis.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Notices every worker sees: one capped Redis stream per channel ({@code <prefix>:broadcast:<channel>}), written with
 * XADD and read by one XREAD loop per worker and channel, without a consumer group, so every worker gets every
 * notice. Meant for "this changed" signals whose truth lives elsewhere (PostgreSQL): publishing is best effort and a
 * notice lost to a Redis outage only delays whoever listens, so listeners re-read the truth now and then.
 */
@ApplicationScoped
public class Broadcasts {

    private static final Logger LOG = Logger.getLogger(Broadcasts.class.getName());
    private static final int READ_BATCH = 100;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    RuntimeSettings settings;

    @Inject
    @ConfigProperty(name = "genesis.runtime.broadcast-max-length")
    long maxLength;

    @Resource(lookup = "concurrent/genesis/consumers")
    ManagedExecutorService loops;

    private final Map<String, List<Consumer<Map<String, String>>>> listeners = new ConcurrentHashMap<>();
    private final List<Future<?>> readers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    /** Adds a notice to the channel for every worker; false when Redis refused it (the caller's truth is unchanged). */
    public boolean publish(String channel, Map<String, String> notice) {
        try {
            redis.client().xadd(keys.broadcast(channel), XAddParams.xAddParams().maxLen(maxLength).approximateTrimming(), notice);
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "notice on " + channel + " not published: " + e.getMessage());
            return false;
        }
    }

    /** Calls {@code listener} on this worker for every notice published from now on, on the channel's reader thread. */
    public void subscribe(String channel, Consumer<Map<String, String>> listener) {
        listeners.computeIfAbsent(channel, name -> {
            readers.add(loops.submit(ManagedExecutors.managedTask(() -> read(name), Map.of(ManagedTask.LONGRUNNING_HINT,
                    "true", ManagedTask.IDENTITY_NAME, "genesis broadcast " + name), null)));
            return new CopyOnWriteArrayList<>();
        }).add(listener);
    }

    private void read(String channel) {
        String stream = keys.broadcast(channel);
        StreamEntryID after = StreamEntryID.XREAD_NEW_ENTRY;
        Backoff.Loop errors = Backoff.loop();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Map.Entry<String, List<StreamEntry>>> batch = redis.client().xread(
                        XReadParams.xReadParams().count(READ_BATCH).block((int) settings.blockMillis()), Map.of(stream, after));
                errors.reset();
                if (batch == null) {
                    continue;
                }
                for (Map.Entry<String, List<StreamEntry>> entries : batch) {
                    for (StreamEntry entry : entries.getValue()) {
                        after = entry.getID();
                        deliver(channel, entry.getFields());
                    }
                }
            } catch (RuntimeException e) {
                if (errors.fail()) {
                    LOG.fine(() -> "broadcast reader " + channel + ": " + e.getMessage() + " (retrying)");
                }
                if (!errors.pause()) {
                    return;
                }
            }
        }
    }

    private void deliver(String channel, Map<String, String> notice) {
        for (Consumer<Map<String, String>> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(notice);
            } catch (RuntimeException e) {
                LOG.warning(() -> "listener of " + channel + " failed on " + notice + ": " + e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        readers.forEach(reader -> reader.cancel(true));
    }
}
