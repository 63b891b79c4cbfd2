package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every Redis key the runtime uses, in one place. Streams and dead-letter streams keep OmniDaemon's naming
 * ({@code omni-stream:<topic>}, {@code omni-dlq:<topic>}) with the prefix configurable.
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

    public String stream(String topic) {
        return prefix + "-stream:" + topic;
    }

    public String streamPattern() {
        return prefix + "-stream:*";
    }

    public String topicOfStream(String streamKey) {
        return streamKey.substring((prefix + "-stream:").length());
    }

    public String deadLetters(String topic) {
        return prefix + "-dlq:" + topic;
    }

    public String task(String taskId) {
        return prefix + ":task:" + taskId;
    }

    public String idempotency(String tenantId, String key) {
        return prefix + ":idem:" + tenantId + ":" + key;
    }

    /** Sorted set of envelopes waiting for their retry time (score = due epoch millis). */
    public String delayed() {
        return prefix + ":delayed";
    }

    /** List of terminal results not yet written to PostgreSQL (outbox while the database is down). */
    public String resultOutbox() {
        return prefix + ":results:outbox";
    }

    /** Sorted set of webhook deliveries waiting for their next try (score = due epoch millis). */
    public String webhooks() {
        return prefix + ":webhooks";
    }

    /** Hash of worker id to last heartbeat. */
    public String workers() {
        return prefix + ":workers";
    }

    /** Hash of cumulative counters for a topic. */
    public String metrics(String topic) {
        return prefix + ":metrics:" + topic;
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

    public String metricsPattern() {
        return prefix + ":metrics:*";
    }
}
