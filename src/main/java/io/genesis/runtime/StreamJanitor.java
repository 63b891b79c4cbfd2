package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps streams bounded without losing work: trims only entries that every consumer group has been delivered
 * and acknowledged (below the oldest pending entry and the last delivered id), keeping the newest
 * {@code stream-retain-acked} of them for inspection. A stream without consumer groups is never trimmed.
 * Dead-letter streams are capped at {@code dlq-max-length} (their tasks are also rows in SQL). Consumers idle for
 * {@code forget-consumers-after-seconds} with nothing pending (workers that crashed or were scaled away) leave their
 * groups, so {@code XINFO CONSUMERS} does not grow with every pod name ever seen.
 */
@ApplicationScoped
public class StreamJanitor {

    private static final Logger LOG = Logger.getLogger(StreamJanitor.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    AgentRegistry agents;

    @Inject
    RuntimeSettings settings;

    @Inject
    WorkerIdentity worker;

    @Inject
    @ConfigProperty(name = "genesis.runtime.dlq-max-length")
    long dlqMaxLength;

    @Inject
    @ConfigProperty(name = "genesis.runtime.forget-consumers-after-seconds")
    long forgetConsumersAfterSeconds;

    private final LuaScript forgetConsumer = LuaScript.load("forget_consumer");

    public void trimAll() {
        for (AgentPolicy policy : agents.all()) {
            try {
                String stream = keys.stream(policy.topic());
                if (redis.client().exists(stream)) {
                    List<StreamGroupInfo> groups = redis.client().xinfoGroups(stream);
                    trim(stream, groups);
                    forgetIdleConsumers(stream, groups);
                }
                redis.client().xtrim(keys.deadLetters(policy.topic()), XTrimParams.xTrimParams().maxLen(dlqMaxLength));
            } catch (RuntimeException e) {
                LOG.fine(() -> "trim of " + policy.topic() + " skipped: " + e.getMessage());
            }
        }
    }

    /** Trims one stream (with these groups) to its safe boundary; returns the number of entries removed. */
    private long trim(String stream, List<StreamGroupInfo> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        StreamEntryID boundary = null;
        for (StreamGroupInfo group : groups) {
            StreamEntryID safe = safeBoundary(stream, group);
            boundary = boundary == null || safe.compareTo(boundary) < 0 ? safe : boundary;
        }
        Optional<StreamEntryID> retained = oldestRetained(stream);
        if (retained.isPresent() && retained.get().compareTo(boundary) < 0) {
            boundary = retained.get();
        } else if (retained.isEmpty()) {
            return 0;
        }
        return redis.client().xtrim(stream, XTrimParams.xTrimParams().minId(boundary.toString()));
    }

    /**
     * Removes the consumers of every group of the stream that have been idle longer than the configured time and hold
     * nothing (re-checked atomically by the script); this worker's own consumer stays. Returns how many left.
     */
    private int forgetIdleConsumers(String stream, List<StreamGroupInfo> groups) {
        long idleLimitMs = forgetConsumersAfterSeconds * 1000;
        int forgotten = 0;
        for (StreamGroupInfo group : groups) {
            for (StreamConsumerInfo consumer : redis.client().xinfoConsumers2(stream, group.getName())) {
                if (consumer.getPending() > 0 || consumer.getIdle() < idleLimitMs || consumer.getName().equals(worker.id())) {
                    continue;
                }
                Object removed = forgetConsumer.run(redis.client(), List.of(stream), List.of(group.getName(), consumer.getName()));
                if (Long.valueOf(1).equals(removed)) {
                    forgotten++;
                    LOG.info(() -> "consumer " + consumer.getName() + " left " + group.getName() + " on " + stream + " after "
                            + consumer.getIdle() / 1000 + " s idle with nothing pending");
                }
            }
        }
        return forgotten;
    }

    /** Entries below this id are delivered to and acknowledged by the group. */
    private StreamEntryID safeBoundary(String stream, StreamGroupInfo group) {
        if (group.getPending() > 0) {
            StreamPendingSummary pending = redis.client().xpending(stream, group.getName());
            if (pending.getMinId() != null) {
                return pending.getMinId();
            }
        }
        StreamEntryID last = group.getLastDeliveredId();
        return new StreamEntryID(last.getTime(), last.getSequence() + 1);
    }

    /** The oldest of the newest N entries we keep anyway; empty if the stream has no more than N. */
    private Optional<StreamEntryID> oldestRetained(String stream) {
        long retain = settings.streamRetainAcked();
        if (redis.client().xlen(stream) <= retain) {
            return Optional.empty();
        }
        if (retain == 0) {
            return Optional.of(new StreamEntryID(Long.MAX_VALUE, Long.MAX_VALUE));
        }
        List<StreamEntry> newest = redis.client().xrevrange(stream, "+", "-", (int) retain);
        return Optional.of(newest.get(newest.size() - 1).getID());
    }
}
