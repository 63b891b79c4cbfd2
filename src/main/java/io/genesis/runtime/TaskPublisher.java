package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Puts tasks on their topic's stream. Publishing is one atomic Lua call: the idempotency key (if any), the stream
 * entry and the initial {@code queued} state are written together or not at all.
 */
@ApplicationScoped
public class TaskPublisher {

    private static final LuaScript PUBLISH = LuaScript.load("publish");

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    AgentRegistry agents;

    @Inject
    TaskStore tasks;

    @Inject
    @ConfigProperty(name = "genesis.tasks.idempotency-ttl-seconds")
    long idempotencyTtlSeconds;

    /** What publishing did: a new task, or the task an earlier call with the same idempotency key created. */
    public record Published(String taskId, boolean created) {
    }

    /** Thrown when an idempotency key is reused for a different request. */
    public static final class IdempotencyConflict extends RuntimeException {
        public IdempotencyConflict(String key) {
            super("Idempotency-Key '" + key + "' was already used for a different request", null, false, false);
        }
    }

    /**
     * Publishes the envelope. With an idempotency key, a repeat of the same request returns the first task id and
     * writes nothing; a different request under the same key raises {@link IdempotencyConflict}.
     */
    public Published publish(Envelope envelope) {
        AgentPolicy policy = agents.byTopic(envelope.topic())
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + envelope.topic()));
        PublishCall call = publishCall(keys, envelope, policy.agent(), tasks.ttlSeconds(), idempotencyTtlSeconds);
        List<?> result = (List<?>) call.run(redis.client());
        if (((Long) result.get(0)) == 1L) {
            return new Published(envelope.taskId(), true);
        }
        String[] existing = text(result.get(1)).split("\\|", 2);
        if (existing.length == 2 && !existing[1].equals(call.requestHash())) {
            throw new IdempotencyConflict(envelope.idempotencyKey());
        }
        return new Published(existing[0], false);
    }

    /** One atomic publish: the script's KEYS and ARGV for an envelope, and the request hash they carry. */
    public record PublishCall(List<String> keys, List<String> args, String requestHash) {
        /** Runs the publish script; the reply is {1, task id} or {0, the earlier "task id|request hash"}. */
        public Object run(UnifiedJedis redis) {
            return PUBLISH.run(redis, keys, args);
        }
    }

    /**
     * The publish call {@link #publish} makes for {@code envelope} handled by {@code agent}; public so that tools
     * (the runtime benchmark) publish exactly as the application does without repeating the script's contract.
     */
    public static PublishCall publishCall(RuntimeKeys keys, Envelope envelope, String agent, long stateTtlSeconds,
                                          long idempotencyTtlSeconds) {
        String idempotencyKey = envelope.idempotencyKey() == null ? "" : keys.idempotency(envelope.tenantId(), envelope.idempotencyKey());
        String requestHash = requestHash(envelope);
        List<String> args = new ArrayList<>(List.of(envelope.taskId(), JsonConventions.jsonb().toJson(envelope),
                String.valueOf(stateTtlSeconds), envelope.taskId() + "|" + requestHash, String.valueOf(idempotencyTtlSeconds)));
        args.addAll(TaskStore.fields(TaskState.queued(envelope, agent)));
        return new PublishCall(List.of(keys.stream(envelope.topic()), keys.task(envelope.taskId()), idempotencyKey), args,
                requestHash);
    }

    public static String newTaskId() {
        return UUID.randomUUID().toString();
    }

    /** Hash of what makes two publish requests "the same" for idempotency (not ids or timestamps). */
    private static String requestHash(Envelope e) {
        String canonical = String.join("\u0000", e.topic(), String.valueOf(e.content()), String.valueOf(e.replyTo()),
                String.valueOf(e.webhook()), String.valueOf(e.businessId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
