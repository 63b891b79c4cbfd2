package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import io.genesis.retry.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.ZAddParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second half of every step that crosses hash slots (Redis Cluster), and the delayed-retry mover. Each round, per
 * topic, one script call in the topic's slot ({@code relay_claim.lua}) moves retries whose backoff has elapsed back onto
 * the stream and claims due relay entries under a lease; the claimed entries are then handed on in batches (one RPUSH
 * of SQL rows to the result outbox, one ZADD of webhook jobs, one {@code relay_publish.lua} call per notified topic)
 * and only then removed from the relay. A crash between hand-on and removal leaves the entries to be claimed again
 * when the lease runs out: at-least-once, and each hand-on is harmless twice (rows are written ON CONFLICT DO NOTHING,
 * webhook jobs are added NX, a notice whose state exists is not queued again). A finish wakes the loop for its topic,
 * so relay entries are handed on at once; a round over every topic runs at least every {@value #ROUND_MILLIS} ms
 * (delayed retries, entries of other servers or of a crashed one).
 */
@ApplicationScoped
public class TopicRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicRelay.class.getName());
    private static final LuaScript CLAIM = LuaScript.load("relay_claim");
    private static final LuaScript PUBLISH = LuaScript.load("relay_publish");
    private static final int BATCH = 200;
    /** How long a claimed entry stays with its claimer before another worker may hand it on. */
    private static final long LEASE_MILLIS = 30_000;
    static final long ROUND_MILLIS = 100;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    AgentRegistry agents;

    @Inject
    TaskStore tasks;

    private final Set<String> woken = ConcurrentHashMap.newKeySet();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;

    /** A finish wrote relay entries for {@code topic}: hand them on without waiting for the next round. */
    void wake(String topic) {
        if (woken.add(topic) && signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public void run() {
        Backoff.Loop backoff = Backoff.loop();
        long nextRound = 0;
        while (running) {
            try {
                boolean full = false;
                if (System.currentTimeMillis() >= nextRound) {
                    woken.clear();
                    for (String topic : agents.topics()) {
                        full |= round(topic);
                    }
                    nextRound = System.currentTimeMillis() + ROUND_MILLIS;
                } else {
                    for (String topic : List.copyOf(woken)) {
                        woken.remove(topic);
                        full |= round(topic);
                    }
                }
                backoff.reset();
                if (!full) {
                    signal.tryAcquire(Math.max(1, nextRound - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (backoff.fail()) {
                    LOG.warning("Topic relay: " + e.getMessage() + " (retrying)");
                }
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    void stop() {
        running = false;
        signal.release();
    }

    /** One topic's round; true when a batch was full (more may be waiting). */
    boolean round(String topic) {
        List<?> reply = (List<?>) CLAIM.run(redis.client(), List.of(keys.delayed(topic), keys.stream(topic), keys.relay(topic)),
                List.of(String.valueOf(System.currentTimeMillis()), String.valueOf(BATCH), String.valueOf(LEASE_MILLIS)));
        long released = (Long) reply.get(0);
        List<String> claimed = new ArrayList<>(reply.size() - 1);
        for (int i = 1; i < reply.size(); i++) {
            claimed.add(LuaScript.text(reply.get(i)));
        }
        if (!claimed.isEmpty()) {
            handOn(topic, claimed);
        }
        return released == BATCH || claimed.size() == BATCH;
    }

    private void handOn(String topic, List<String> claimed) {
        List<String> rows = new ArrayList<>(claimed.size());
        Map<String, Double> webhooks = new LinkedHashMap<>();
        Map<String, List<String>> notices = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String text : claimed) {
            RelayEntry entry;
            try {
                entry = RelayEntry.parse(text);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.SEVERE, "Topic relay " + topic + ": an unreadable entry set aside in " + keys.relayRejected(topic)
                        + " (" + e.getMessage() + ")");
                unreadable.add(text);
                continue;
            }
            rows.add(entry.resultRowText());
            if (entry.webhookJob() != null) {
                webhooks.put(entry.webhookJob(), (double) entry.webhookDueEpochMs());
            }
            if (entry.notifyTopic() != null) {
                notices.computeIfAbsent(entry.notifyTopic(), t -> new ArrayList<>()).add(entry.noticeJson());
            }
        }
        if (!rows.isEmpty()) {
            redis.client().rpush(keys.resultOutbox(), rows.toArray(String[]::new));
        }
        if (!webhooks.isEmpty()) {
            redis.client().zadd(keys.webhooks(), webhooks, ZAddParams.zAddParams().nx());
        }
        notices.forEach(this::publishNotices);
        if (!unreadable.isEmpty()) {
            // kept, not dropped: an entry of a format this version does not know (a newer worker's) is not lost
            redis.client().rpush(keys.relayRejected(topic), unreadable.toArray(String[]::new));
        }
        redis.client().zrem(keys.relay(topic), claimed.toArray(String[]::new));
    }

    /** Queues the notices on their topic, in one call in that topic's slot; a notice already queued is skipped. */
    private void publishNotices(String topic, List<String> noticeJsons) {
        String agent = agents.byTopic(topic).map(AgentPolicy::agent).orElse(null);
        List<String> scriptKeys = new ArrayList<>(1 + noticeJsons.size());
        scriptKeys.add(keys.stream(topic));
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(tasks.ttlSeconds()));
        for (String json : noticeJsons) {
            Envelope notice = JsonConventions.jsonb().fromJson(json, Envelope.class);
            scriptKeys.add(keys.task(topic, notice.taskId()));
            List<String> seed = TaskStore.fields(TaskState.queued(notice, agent));
            args.add(json);
            args.add(String.valueOf(seed.size()));
            args.addAll(seed);
        }
        PUBLISH.run(redis.client(), scriptKeys, args);
    }
}
