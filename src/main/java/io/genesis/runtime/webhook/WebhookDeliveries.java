package io.genesis.runtime.webhook;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import io.genesis.runtime.RuntimeKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The webhook jobs and delivery statuses in Redis. Enqueueing, claiming and settling are single Lua calls, so any
 * number of workers can dispatch from the same sorted set: a job is held by one claimer until its lease runs out.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final LuaScript CLAIM = LuaScript.load("webhook-claim");
    private static final LuaScript SETTLE = LuaScript.load("webhook-settle");
    private static final LuaScript ENQUEUE = LuaScript.load("webhook-enqueue");

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    @ConfigProperty(name = "genesis.tasks.result-ttl-seconds")
    long statusTtlSeconds;

    /**
     * Adds {@code job} due at {@code dueMillis} and records it as {@value DeliveryStatus#QUEUED}, in one step: from
     * then on it is in Redis, delivered by whichever worker claims it, across restarts. (Task deliveries are
     * enqueued by the runtime's finish script instead, together with the task's terminal state.)
     */
    public void enqueue(WebhookJob job, long dueMillis) {
        long now = System.currentTimeMillis();
        DeliveryStatus queued = new DeliveryStatus(job.deliveryId(), job.taskId(), job.businessId(), job.url(), DeliveryStatus.QUEUED,
                false, 0, null, null, Instant.ofEpochMilli(now).toString(), Instant.ofEpochMilli(dueMillis).toString());
        ENQUEUE.run(redis.client(), List.of(keys.webhooks(), statusKey(), expiryKey()), List.of(job.member(),
                String.valueOf(dueMillis), job.deliveryId(), JsonConventions.jsonb().toJson(queued), String.valueOf(now),
                String.valueOf(statusTtlSeconds)));
    }

    /** Claims up to {@code limit} jobs due at {@code nowMillis}, leasing them until {@code nowMillis + leaseMillis}. */
    public List<String> claim(long nowMillis, long leaseMillis, int limit) {
        Object reply = CLAIM.run(redis.client(), List.of(keys.webhooks()),
                List.of(String.valueOf(nowMillis), String.valueOf(leaseMillis), String.valueOf(limit)));
        return ((List<?>) reply).stream().map(LuaScript::text).toList();
    }

    /**
     * Ends the claim on {@code job}: removes it, re-adds {@code retryMember} due at {@code dueMillis} when not null,
     * and records {@code status}. Returns false when the job had already been settled by another worker.
     */
    public boolean settle(WebhookJob job, String retryMember, long dueMillis, DeliveryStatus status, long nowMillis) {
        return run(job.member(), retryMember, dueMillis, status, nowMillis);
    }

    /** Removes a member that is not a readable job (nothing can be delivered or recorded for it). */
    public void discard(String member, long nowMillis) {
        run(member, null, 0, null, nowMillis);
    }

    /** The status of the latest webhook delivery of a task, if one was attempted within the TTL. */
    public Optional<DeliveryStatus> latestForTask(String taskId) {
        String deliveryId = redis.client().hget(byTaskKey(), taskId);
        return deliveryId == null ? Optional.empty() : find(deliveryId);
    }

    /** The status of a delivery by its id, if it was enqueued or attempted within the TTL. */
    public Optional<DeliveryStatus> find(String deliveryId) {
        String json = redis.client().hget(statusKey(), deliveryId);
        return json == null ? Optional.empty() : Optional.of(JsonConventions.jsonb().fromJson(json, DeliveryStatus.class));
    }

    private boolean run(String member, String retryMember, long dueMillis, DeliveryStatus status, long nowMillis) {
        Object held = SETTLE.run(redis.client(), List.of(keys.webhooks(), statusKey(), byTaskKey(), expiryKey()),
                List.of(member, retryMember == null ? "" : retryMember, String.valueOf(dueMillis),
                        status == null ? "" : status.deliveryId(), status == null || status.taskId() == null ? "" : status.taskId(),
                        status == null ? "" : JsonConventions.jsonb().toJson(status), String.valueOf(nowMillis),
                        String.valueOf(statusTtlSeconds), status != null && status.delivered() ? "1" : "0"));
        return Long.valueOf(1L).equals(held);
    }

    private String statusKey() {
        return keys.webhooks() + ":status";
    }

    private String byTaskKey() {
        return keys.webhooks() + ":status:by-task";
    }

    private String expiryKey() {
        return keys.webhooks() + ":status:expiry";
    }
}
