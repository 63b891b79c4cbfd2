package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every Redis key the runtime uses, in one place. Streams and dead-letter streams keep OmniDaemon's naming
 * ({@code omni-stream:<topic>}, {@code omni-dlq:<topic>}) with the prefix configurable, but every per-topic key carries
 * the topic as a Redis Cluster hash tag ({@code omni-stream:{genesis.build}}): a topic's stream, dead letters, counters,
 * task states, idempotency keys, delayed retries and relay live in one hash slot, so each script call touches one slot.
 * The global keys scripts use together share a tag of their own ({@code {results}}, {@code {webhooks}}).
 */
@ApplicationScoped
public class RuntimeKeys {

    @Inject
    @ConfigProperty(name = "genesis.runtime.key-prefix")
    String prefix;

    /** Keys under an explicit prefix, for tools outside the container (the bean reads it from configuration). */
    public static RuntimeKeys withPrefix(String prefix) {
        RuntimeKeys keys = new RuntimeKeys();
        keys.prefix = prefix;
        return keys;
    }

    /** The hash tag of a topic: the part of a key Redis Cluster hashes, so all keys of the topic share a slot. */
    static String tag(String topic) {
        return "{" + topic + "}";
    }

    public String stream(String topic) {
        return prefix + "-stream:" + tag(topic);
    }

    public String deadLetters(String topic) {
        return prefix + "-dlq:" + tag(topic);
    }

    /** Hash of one task's state, in its topic's slot. */
    public String task(String topic, String taskId) {
        return prefix + ":task:" + tag(topic) + ":" + taskId;
    }

    public String idempotency(String topic, String tenantId, String key) {
        return prefix + ":idem:" + tag(topic) + ":" + tenantId + ":" + key;
    }

    /** Sorted set of a topic's envelopes waiting for their retry time (score = due epoch millis). */
    public String delayed(String topic) {
        return prefix + ":delayed:" + tag(topic);
    }

    /**
     * Sorted set of what a topic's finished tasks hand on to keys in other slots (SQL result row, webhook job,
     * task_finished notice to another topic), written atomically with the finish; {@link TopicRelay} hands it on
     * (score = when it may be claimed, epoch millis).
     */
    public String relay(String topic) {
        return prefix + ":relay:" + tag(topic);
    }

    /** Relay entries of {@code topic} that could not be read, kept for an operator (list, in the topic's slot). */
    public String relayRejected(String topic) {
        return relay(topic) + ":rejected";
    }

    /** List of terminal results not yet written to PostgreSQL (outbox while the database is down). */
    public String resultOutbox() {
        return prefix + ":{results}:outbox";
    }

    /** A worker's in-flight list of result rows, in the outbox's slot. */
    public String resultInFlight(String workerId) {
        return resultOutbox() + ":inflight:" + workerId;
    }

    /** Sorted set of webhook deliveries waiting for their next try (score = due epoch millis). */
    public String webhooks() {
        return prefix + ":{webhooks}";
    }

    /** Hash of worker id to last heartbeat. */
    public String workers() {
        return prefix + ":workers";
    }

    /** Hash of cumulative counters for a topic. */
    public String metrics(String topic) {
        return prefix + ":metrics:" + tag(topic);
    }

    /** Capped stream of notices every worker reads ({@link Broadcasts}). */
    public String broadcast(String channel) {
        return prefix + ":broadcast:" + channel;
    }

    /** Hash of one token bucket ({@link TokenBuckets}), e.g. a tenant's write allowance. */
    public String tokenBucket(String bucket) {
        return prefix + ":bucket:" + bucket;
    }

    /** String: the operator's share (0-100) of {@code POST /api/invoke} sent through the async runtime ({@link Rollout}). */
    public String rolloutAsyncPercent() {
        return prefix + ":rollout:async-percent";
    }
}
