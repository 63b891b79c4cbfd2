package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.api.JsonText;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task states in Redis for polling: one hash per task ({@code <prefix>:task:{<topic>}:<id>}) with the configured TTL. The
 * Lua scripts of the runtime update single fields of it atomically; this class reads and seeds whole states.
 */
@ApplicationScoped
public class TaskStore {

    private static final Type HISTORY = new ArrayList<TaskState.Attempt>() { }.getClass().getGenericSuperclass();

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    @ConfigProperty(name = "genesis.tasks.result-ttl-seconds")
    long ttlSeconds;

    @Inject
    AgentRegistry agents;

    /** The state of a task of a known topic: one read. */
    public Optional<TaskState> find(String topic, String taskId) {
        return state(redis.client().hgetAll(keys.task(topic, taskId)));
    }

    /**
     * The state of a task by its id alone. States live in their topic's hash slot, so this asks every topic in one
     * pipelined round trip (one per cluster node) rather than keeping an id index that would cost every publish a write.
     */
    public Optional<TaskState> find(String taskId) {
        List<Response<Map<String, String>>> replies = new ArrayList<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (String topic : agents.topics()) {
                replies.add(pipe.hgetAll(keys.task(topic, taskId)));
            }
            pipe.sync();
        }
        for (Response<Map<String, String>> reply : replies) {
            Optional<TaskState> state = state(reply.get());
            if (state.isPresent()) {
                return state;
            }
        }
        return Optional.empty();
    }

    private static Optional<TaskState> state(Map<String, String> hash) {
        return hash == null || hash.isEmpty() || !hash.containsKey("status") ? Optional.empty() : Optional.of(fromHash(hash));
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** The hash fields of a state, as flat field/value pairs for a Lua script. */
    public static List<String> fields(TaskState state) {
        List<String> pairs = new ArrayList<>();
        toHash(state).forEach((field, value) -> {
            pairs.add(field);
            pairs.add(value);
        });
        return pairs;
    }

    static Map<String, String> toHash(TaskState s) {
        Map<String, String> hash = new LinkedHashMap<>();
        put(hash, "task_id", s.taskId());
        put(hash, "topic", s.topic());
        put(hash, "agent", s.agent());
        put(hash, "status", s.status());
        put(hash, "attempts", String.valueOf(s.attempts()));
        put(hash, "result", s.result() == null ? null : JsonText.of(s.result()));
        put(hash, "error", s.error());
        put(hash, "correlation_id", s.correlationId());
        put(hash, "causation_id", s.causationId());
        put(hash, "tenant_id", s.tenantId());
        put(hash, "business_id", s.businessId());
        put(hash, "created_at", s.createdAt());
        put(hash, "started_at", s.startedAt());
        put(hash, "completed_at", s.completedAt());
        put(hash, "worker_id", s.workerId());
        put(hash, "history", historyJson(s.history()));
        put(hash, "model", s.model());
        put(hash, "model_tier", s.modelTier());
        put(hash, "cost_cents", s.costCents() == null ? null : s.costCents().toPlainString());
        return hash;
    }

    static TaskState fromHash(Map<String, String> h) {
        return new TaskState(h.get("task_id"), h.get("topic"), h.get("agent"), h.get("status"),
                Integer.parseInt(h.getOrDefault("attempts", "0")), JsonConventions.read(h.get("result")), blankToNull(h.get("error")),
                h.get("correlation_id"), blankToNull(h.get("causation_id")), h.get("tenant_id"), blankToNull(h.get("business_id")),
                h.get("created_at"), blankToNull(h.get("started_at")), blankToNull(h.get("completed_at")),
                blankToNull(h.get("worker_id")), history(h.get("history")), blankToNull(h.get("model")),
                blankToNull(h.get("model_tier")), blankToNull(h.get("cost_cents")) == null ? null : new BigDecimal(h.get("cost_cents")));
    }

    public static String historyJson(List<TaskState.Attempt> history) {
        // most tasks never fail: skip JSON-B for the empty history (it builds a serializer chain per call)
        return history == null || history.isEmpty() ? "[]" : JsonConventions.jsonb().toJson(history);
    }

    public static List<TaskState.Attempt> history(String json) {
        if (json == null || json.isBlank() || json.equals("{}") || json.equals("[]")) {
            return List.of();
        }
        List<TaskState.Attempt> parsed = JsonConventions.jsonb().fromJson(json, HISTORY);
        return List.copyOf(parsed);
    }


    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void put(Map<String, String> hash, String field, String value) {
        if (value != null) {
            hash.put(field, value);
        }
    }
}
