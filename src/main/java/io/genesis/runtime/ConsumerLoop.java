package io.genesis.runtime;

import io.genesis.retry.Backoff;
import io.genesis.api.JsonConventions;
import io.genesis.redis.RedisConnection;
import io.opentelemetry.context.Scope;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One agent's consumer on this worker: reads its topic stream through the agent's stable consumer group, with at
 * most {@code consumers} tasks in flight, starts the deliveries of each read together (one script call) and hands each
 * to the {@link TaskRunner} on the handler threads. It keeps the lease of its in-flight entries alive (XCLAIM to itself, resetting their idle time) and
 * reclaims entries a dead worker left idle past the lease (XAUTOCLAIM). On start it first takes back what this
 * worker id held before a restart.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class.getName());

    private final AgentPolicy policy;
    private final RuntimeSettings settings;
    private final RedisConnection redis;
    private final RuntimeKeys keys;
    private final TaskRunner runner;
    private final Executor handlers;
    private final String consumer;
    private final Semaphore capacity;
    private final Map<StreamEntryID, Long> inFlight = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile long lastIterationMillis = System.currentTimeMillis();
    private volatile boolean groupReady;
    private long nextLeaseRenewal;
    private long nextReclaim;

    ConsumerLoop(AgentPolicy policy, RuntimeSettings settings, RedisConnection redis, RuntimeKeys keys, TaskRunner runner,
                 Executor handlers, String consumer) {
        this.policy = policy;
        this.settings = settings;
        this.redis = redis;
        this.keys = keys;
        this.runner = runner;
        this.handlers = handlers;
        this.consumer = consumer;
        this.capacity = new Semaphore(policy.consumers());
    }

    @Override
    public void run() {
        String stream = keys.stream(policy.topic());
        Backoff.Loop backoff = Backoff.loop();
        boolean ownBacklog = true;
        StreamEntryID backlogCursor = new StreamEntryID();
        while (running) {
            lastIterationMillis = System.currentTimeMillis();
            try {
                if (!groupReady) {
                    ensureGroup(stream);
                }
                renewLeases(stream);
                reclaimAbandoned(stream);
                int free = capacity.availablePermits();
                if (free == 0) {
                    // wait for a slot without busy-looping; short so leases keep being renewed
                    if (capacity.tryAcquire(settings.blockMillis(), TimeUnit.MILLISECONDS)) {
                        capacity.release();
                    }
                    continue;
                }
                // first what this worker id still held before a restart (its own pending entries), then new ones
                StreamEntryID from = ownBacklog ? backlogCursor : StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY;
                XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(free);
                if (!ownBacklog) {
                    params.block((int) settings.blockMillis());
                }
                List<Map.Entry<String, List<StreamEntry>>> batch = redis.client()
                        .xreadGroup(policy.consumerGroup(), consumer, params, Map.of(stream, from));
                List<StreamEntry> entries = batch == null || batch.isEmpty() ? List.of() : batch.get(0).getValue();
                if (ownBacklog) {
                    if (entries.isEmpty()) {
                        ownBacklog = false;
                    } else {
                        backlogCursor = entries.get(entries.size() - 1).getID();
                    }
                }
                dispatch(stream, entries, false);
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (backoff.fail() || LOG.isLoggable(Level.FINE)) {
                    LOG.warning("Consumer " + policy.agent() + " on " + stream + ": " + e.getMessage() + " (retrying)");
                }
                if (e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    groupReady = false;
                }
                if (!backoff.pause()) {
                    break;
                }
            }
        }
    }

    private void ensureGroup(String stream) {
        try {
            redis.client().xgroupCreate(stream, policy.consumerGroup(), new StreamEntryID(), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }

    /**
     * Starts the entries of one read in one script call and runs each begun one on a handler thread. Malformed entries
     * are acked and dropped; entries already in flight here are skipped. Each {@code reclaimed} one is logged under its
     * task's trace.
     */
    private void dispatch(String stream, List<StreamEntry> entries, boolean reclaimed) throws InterruptedException {
        List<TaskTransitions.Delivery> deliveries = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            if (entry != null && !inFlight.containsKey(entry.getID())) {
                Envelope envelope = envelope(stream, entry);
                if (envelope != null) {
                    deliveries.add(new TaskTransitions.Delivery(entry.getID(), envelope));
                }
                if (envelope != null && reclaimed) {
                    try (Scope task = TaskTracing.within(envelope.traceparent(), envelope.taskId())) {
                        LOG.info("Reclaimed task " + envelope.taskId() + " (" + entry.getID() + ") on " + stream
                                + " from a consumer idle longer than " + Duration.ofMillis(settings.leaseMillis()).toSeconds() + " s");
                    }
                }
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        capacity.acquire(deliveries.size());
        long now = System.currentTimeMillis();
        deliveries.forEach(d -> inFlight.put(d.entry(), now));
        List<TaskTransitions.Begun> begun;
        try {
            begun = runner.begin(policy, deliveries);
        } catch (RuntimeException e) {
            // Redis: the entries stay pending and are reclaimed after the lease; nothing is lost
            deliveries.forEach(d -> done(d.entry()));
            throw e;
        }
        for (int i = 0; i < deliveries.size(); i++) {
            TaskTransitions.Delivery delivery = deliveries.get(i);
            TaskTransitions.Begun started = begun.get(i);
            if (started.duplicate()) {
                done(delivery.entry());
                continue;
            }
            try {
                handlers.execute(() -> process(delivery, started));
            } catch (RejectedExecutionException e) {
                for (int j = i; j < deliveries.size(); j++) {
                    done(deliveries.get(j).entry());
                }
                throw e;
            }
        }
    }

    /** The envelope of an entry, or null (the entry acked and dropped) when it has none or it is not valid JSON. */
    private Envelope envelope(String stream, StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        String data = fields == null ? null : fields.get("data");
        if (data != null) {
            try {
                return JsonConventions.jsonb().fromJson(data, Envelope.class);
            } catch (RuntimeException e) {
                LOG.warning("Dropping entry " + entry.getID() + " on " + stream + ": envelope is not valid JSON");
                redis.client().xack(stream, policy.consumerGroup(), entry.getID());
                return null;
            }
        }
        LOG.warning("Dropping malformed entry " + entry.getID() + " on " + stream + " (no data field)");
        redis.client().xack(stream, policy.consumerGroup(), entry.getID());
        return null;
    }

    private void done(StreamEntryID id) {
        inFlight.remove(id);
        capacity.release();
    }

    private void process(TaskTransitions.Delivery delivery, TaskTransitions.Begun begun) {
        Envelope envelope = delivery.envelope();
        try {
            runner.run(policy, delivery.entry(), envelope, begun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Redis or a bug: the entry stays pending and is reclaimed after the lease; nothing is lost
            try (Scope task = TaskTracing.within(envelope.traceparent(), envelope.taskId())) {
                LOG.log(Level.WARNING, "Task " + envelope.taskId() + " on " + policy.topic() + " could not be processed now: "
                        + e.getMessage(), e);
            }
        } finally {
            done(delivery.entry());
        }
    }

    /** Keeps the entries this worker is processing from looking abandoned: XCLAIM to self resets their idle time. */
    private void renewLeases(String stream) {
        long now = System.currentTimeMillis();
        if (now < nextLeaseRenewal) {
            return;
        }
        nextLeaseRenewal = now + settings.leaseMillis() / 3;
        if (inFlight.isEmpty()) {
            return;
        }
        StreamEntryID[] ids = inFlight.keySet().toArray(StreamEntryID[]::new);
        redis.client().xclaimJustId(stream, policy.consumerGroup(), consumer, 0, XClaimParams.xClaimParams(), ids);
    }

    /** Takes over entries another consumer has held idle longer than the lease: that worker is gone. */
    private void reclaimAbandoned(String stream) throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now < nextReclaim) {
            return;
        }
        nextReclaim = now + settings.reclaimIntervalMillis();
        int free = capacity.availablePermits();
        if (free == 0) {
            return;
        }
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.client().xautoclaim(stream, policy.consumerGroup(), consumer,
                settings.leaseMillis(), new StreamEntryID(), XAutoClaimParams.xAutoClaimParams().count(free));
        if (claimed == null) {
            return;
        }
        List<StreamEntry> reclaimed = claimed.getValue().stream()
                .filter(entry -> entry != null && !inFlight.containsKey(entry.getID())).toList();
        dispatch(stream, reclaimed, true);
    }

    void stop() {
        running = false;
    }

    boolean alive(long staleAfterMillis) {
        return System.currentTimeMillis() - lastIterationMillis < staleAfterMillis;
    }

    boolean groupReady() {
        return groupReady;
    }

    int inFlight() {
        return inFlight.size();
    }

    AgentPolicy policy() {
        return policy;
    }

}
