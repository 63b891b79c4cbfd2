package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code publish.lua}: the idempotency key (if any), the stream entry and the initial {@code queued} state written
 * together or not at all. The only place that knows the script's KEYS and ARGV; public so that tools (the runtime
 * benchmark) publish exactly as the application does.
 */
public final class PublishScript {

    private static final LuaScript SCRIPT = LuaScript.load("publish");

    /**
     * What publishing did: a new task ({@code created}), or the task an earlier call with the same idempotency key made
     * ({@code conflict} when that call was a different request).
     */
    public record Outcome(String taskId, boolean created, boolean conflict) {
    }

    private final RuntimeKeys keys;

    public PublishScript(RuntimeKeys keys) {
        this.keys = keys;
    }

    /** Publishes {@code envelope} for {@code agent}, the state and the idempotency key kept for the given TTLs. */
    public Outcome call(UnifiedJedis redis, Envelope envelope, String agent, long stateTtlSeconds, long idempotencyTtlSeconds) {
        boolean idempotent = envelope.idempotencyKey() != null;
        // the key is always named (a cluster routes by the keys; "" would be another slot), but only used when given
        String idempotencyKey = keys.idempotency(envelope.topic(), envelope.tenantId(), idempotent ? envelope.idempotencyKey() : "");
        String requestHash = requestHash(envelope);
        List<String> args = new ArrayList<>(List.of(envelope.taskId(), JsonConventions.jsonb().toJson(envelope),
                String.valueOf(stateTtlSeconds), idempotent ? envelope.taskId() + "|" + requestHash : "",
                String.valueOf(idempotencyTtlSeconds)));
        args.addAll(TaskStore.fields(TaskState.queued(envelope, agent)));
        List<?> reply = (List<?>) SCRIPT.run(redis, List.of(keys.stream(envelope.topic()), keys.task(envelope.topic(), envelope.taskId()),
                idempotencyKey), args);
        if ((Long) reply.get(0) == 1L) {
            return new Outcome(envelope.taskId(), true, false);
        }
        String[] existing = LuaScript.text(reply.get(1)).split("\\|", 2);
        return new Outcome(existing[0], false, existing.length == 2 && !existing[1].equals(requestHash));
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
}
