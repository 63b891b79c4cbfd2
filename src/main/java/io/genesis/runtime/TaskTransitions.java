package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import redis.clients.jedis.StreamEntryID;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The state changes of a delivered task, each one atomic Lua call on Redis: begin an attempt, schedule a retry,
 * finish (completed, failed, timed out, dead-lettered, cancelled). A finish writes the state, the SQL outbox row,
 * the counters, the webhook job and the dead letter together with the ack, so an acked task is always recorded.
 */
@ApplicationScoped
public class TaskTransitions {

    private static final LuaScript BEGIN = LuaScript.load("begin");
    private static final LuaScript RETRY = LuaScript.load("retry");
    private static final LuaScript FINISH = LuaScript.load("finish");

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    TaskStore tasks;

    /** The outcome of starting a delivery: a duplicate of a finished task, or attempt n with the failures so far. */
    public record Begun(boolean duplicate, int attempt, List<TaskState.Attempt> history) {
    }

    /** Everything a terminal transition records. */
    public record Finish(TaskStatus status, int attempt, AgentResult result, String error, List<TaskState.Attempt> history,
                         long durationMs, Instant startedAt) {
    }

    public Begun begin(AgentPolicy policy, StreamEntryID entry, Envelope envelope, String workerId) {
        List<String> args = new ArrayList<>(List.of(policy.consumerGroup(), entry.toString(), workerId, Instant.now().toString(),
                String.valueOf(tasks.ttlSeconds()), String.valueOf(envelope.deliveryAttempts())));
        args.addAll(TaskStore.fields(TaskState.queued(envelope, policy.agent())));
        List<?> reply = (List<?>) BEGIN.run(redis.client(),
                List.of(keys.task(envelope.taskId()), keys.stream(envelope.topic()), keys.metrics(envelope.topic())), args);
        long attempt = (Long) reply.get(0);
        if (attempt < 0) {
            return new Begun(true, 0, List.of());
        }
        return new Begun(false, (int) attempt, TaskStore.history(text(reply.get(1))));
    }

    public void retry(AgentPolicy policy, StreamEntryID entry, Envelope envelope, int attempt, String error,
                      List<TaskState.Attempt> history, long dueEpochMs) {
        RETRY.run(redis.client(),
                List.of(keys.task(envelope.taskId()), keys.stream(envelope.topic()), keys.metrics(envelope.topic()), keys.delayed()),
                List.of(policy.consumerGroup(), entry.toString(), String.valueOf(dueEpochMs),
                        JsonConventions.jsonb().toJson(envelope.nextAttempt(attempt)), error, TaskStore.historyJson(history),
                        String.valueOf(tasks.ttlSeconds())));
    }

    /**
     * Records a terminal status. {@code entry} may be null when no stream entry is held (cancel). Returns false when
     * the task had already finished (a duplicate): nothing is written then.
     */
    public boolean finish(AgentPolicy policy, StreamEntryID entry, Envelope envelope, Finish finish, String workerId) {
        return finishIf(policy, entry, envelope, finish, workerId, "") == 1L;
    }

    /** Cancels a task that is still queued (not yet started): false if it is running or already finished. */
    public boolean cancelQueued(AgentPolicy policy, Envelope envelope, int attempts, List<TaskState.Attempt> history) {
        Finish cancel = new Finish(TaskStatus.CANCELLED, attempts, null, "cancelled by request", history, 0, null);
        return finishIf(policy, null, envelope, cancel, "api", TaskStatus.QUEUED.wireName()) == 1L;
    }

    private long finishIf(AgentPolicy policy, StreamEntryID entry, Envelope envelope, Finish finish, String workerId,
                          String requiredStatus) {
        Instant completedAt = Instant.now();
        String resultJson = finish.result() == null ? "" : finish.result().output().toString();
        String webhookJob = envelope.webhook() == null ? "" : JsonConventions.json().createObjectBuilder()
                .add("delivery_id", UUID.randomUUID().toString())
                .add("task_id", envelope.taskId())
                .add("url", envelope.webhook())
                .add("attempt", 0)
                .build().toString();
        Object reply = FINISH.run(redis.client(),
                List.of(keys.task(envelope.taskId()), keys.stream(envelope.topic()), keys.metrics(envelope.topic()),
                        keys.resultOutbox(), keys.webhooks(), keys.deadLetters(envelope.topic()),
                        envelope.notifyTopic() == null ? "" : keys.stream(envelope.notifyTopic())),
                List.of(policy.consumerGroup(), entry == null ? "" : entry.toString(), finish.status().wireName(),
                        completedAt.toString(), resultJson, finish.error() == null ? "" : finish.error(),
                        TaskStore.historyJson(finish.history()), String.valueOf(tasks.ttlSeconds()),
                        String.valueOf(finish.durationMs()),
                        outboxRow(policy, envelope, finish, completedAt, workerId), webhookJob,
                        String.valueOf(completedAt.toEpochMilli()), deadLetterEnvelope(envelope, finish.status()), policy.agent(),
                        String.valueOf(finish.attempt()), requiredStatus,
                        envelope.notifyTopic() == null ? "" : notice(policy, envelope, finish, completedAt)));
        return (Long) reply;
    }

    /**
     * The {@code task_finished} notice for the envelope's {@code notify_topic}: a task of that topic's agent whose
     * content is the outcome; causation = the finished task, same correlation, tenant and business.
     */
    private static String notice(AgentPolicy policy, Envelope e, Finish finish, Instant completedAt) {
        JsonObjectBuilder outcome = JsonConventions.json().createObjectBuilder()
                .add("kind", "task_finished")
                .add("task_id", e.taskId())
                .add("topic", e.topic())
                .add("agent", policy.agent())
                .add("status", finish.status().wireName())
                .add("attempts", finish.attempt())
                .add("completed_at", completedAt.toString());
        if (finish.error() != null) {
            outcome.add("error", finish.error());
        }
        if (finish.result() != null) {
            outcome.add("result", finish.result().output());
            outcome.add("cost_cents", finish.result().costCents());
            if (finish.result().qualityScore() != null) {
                outcome.add("quality_score", finish.result().qualityScore());
            }
        }
        String noticeId = UUID.nameUUIDFromBytes((e.taskId() + "->finished").getBytes(StandardCharsets.UTF_8)).toString();
        Envelope notice = new Envelope(noticeId, e.notifyTopic(), outcome.build(), null, null, e.correlationId(), e.taskId(),
                policy.agent(), e.tenantId(), 0, completedAt.toString(), e.traceparent(), e.businessId(), null, null);
        return JsonConventions.jsonb().toJson(notice);
    }

    /** The envelope JSON the dead letter carries; the script reads it only for a dead letter, so others skip JSON-B. */
    private static String deadLetterEnvelope(Envelope envelope, TaskStatus status) {
        return status == TaskStatus.DEAD_LETTERED ? JsonConventions.jsonb().toJson(envelope) : "";
    }

    /** The {@code omnidaemon_task_results} row as JSON, written to PostgreSQL by {@link ResultOutbox}. */
    private static String outboxRow(AgentPolicy policy, Envelope e, Finish finish, Instant completedAt, String workerId) {
        JsonObjectBuilder row = JsonConventions.json().createObjectBuilder()
                .add("task_id", e.taskId())
                .add("topic", e.topic())
                .add("agent_id", policy.agent())
                .add("tenant_id", e.tenantId())
                .add("correlation_id", e.correlationId())
                .add("status", finish.status().sqlStatus())
                .add("attempts", finish.attempt())
                .add("duration_seconds", finish.durationMs() / 1000.0)
                .add("cost_cents", finish.result() == null ? BigDecimal.ZERO : finish.result().costCents())
                .add("input", e.content() == null ? JsonValue.NULL : e.content())
                .add("created_at", e.createdAt())
                .add("completed_at", completedAt.toString())
                .add("worker_id", workerId);
        addIfPresent(row, "business_id", e.businessId());
        addIfPresent(row, "causation_id", e.causationId());
        addIfPresent(row, "source", e.source());
        addIfPresent(row, "traceparent", e.traceparent());
        addIfPresent(row, "error", finish.error());
        if (finish.result() != null) {
            row.add("output", finish.result().output());
            if (finish.result().qualityScore() != null) {
                row.add("quality_score", finish.result().qualityScore());
            }
        }
        return row.build().toString();
    }

    private static void addIfPresent(JsonObjectBuilder row, String field, String value) {
        if (value != null) {
            row.add(field, value);
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
