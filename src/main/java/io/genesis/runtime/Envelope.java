package io.genesis.runtime;

import jakarta.json.JsonValue;

/**
 * The one task envelope, stored as JSON in the {@code data} field of a stream entry (OmniDaemon-compatible field
 * names plus what OmniDaemon dropped: tenant, causation, trace context, business and idempotency key). {@code notify_topic}
 * names a topic that receives a {@code task_finished} notice for every terminal outcome (success or not),
 * published atomically with the ack: how a workflow engine (the Meta-Agent) follows its tasks durably.
 */
public record Envelope(
        String taskId,
        String topic,
        JsonValue content,
        String webhook,
        String replyTo,
        String correlationId,
        String causationId,
        String source,
        String tenantId,
        int deliveryAttempts,
        String createdAt,
        String traceparent,
        String businessId,
        String idempotencyKey,
        String notifyTopic) {

    /** The same envelope carrying {@code trace} as its W3C trace context. */
    public Envelope withTraceparent(String trace) {
        return new Envelope(taskId, topic, content, webhook, replyTo, correlationId, causationId, source, tenantId,
                deliveryAttempts, createdAt, trace, businessId, idempotencyKey, notifyTopic);
    }

    /** The same envelope for the next delivery (after a retry was scheduled). */
    public Envelope nextAttempt(int attempts) {
        return new Envelope(taskId, topic, content, webhook, replyTo, correlationId, causationId, source, tenantId,
                attempts, createdAt, traceparent, businessId, idempotencyKey, notifyTopic);
    }
}
