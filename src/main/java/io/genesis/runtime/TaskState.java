package io.genesis.runtime;

import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a poller sees of a task ({@code GET /api/tasks/{id}}), kept in Redis under {@code <prefix>:task:<id>} with
 * a TTL. {@code history} lists every failed attempt with its error (and what it spent), so a dead letter carries its
 * story. A finished task also shows the model that answered and its tier (null for work without a model) and its cost
 * in US cents, every attempt included, as in its row of {@code omnidaemon_task_results}.
 */
public record TaskState(
        String taskId,
        String topic,
        String agent,
        String status,
        int attempts,
        JsonValue result,
        String error,
        String correlationId,
        String causationId,
        String tenantId,
        String businessId,
        String createdAt,
        String startedAt,
        String completedAt,
        String workerId,
        List<Attempt> history,
        String model,
        String modelTier,
        BigDecimal costCents) {

    /**
     * One failed attempt.
     *
     * @param costCents what it spent before failing (model tokens), null for nothing
     * @param model     the model it asked last, null for none
     */
    public record Attempt(int attempt, String error, String at, String workerId, BigDecimal costCents, String model) {
    }

    /** A state without model or cost (queued, processing, or finished without them). */
    public TaskState(String taskId, String topic, String agent, String status, int attempts, JsonValue result, String error,
                     String correlationId, String causationId, String tenantId, String businessId, String createdAt,
                     String startedAt, String completedAt, String workerId, List<Attempt> history) {
        this(taskId, topic, agent, status, attempts, result, error, correlationId, causationId, tenantId, businessId, createdAt,
                startedAt, completedAt, workerId, history, null, null, null);
    }

    public static TaskState queued(Envelope envelope, String agent) {
        return new TaskState(envelope.taskId(), envelope.topic(), agent, TaskStatus.QUEUED.wireName(), 0, null, null,
                envelope.correlationId(), envelope.causationId(), envelope.tenantId(), envelope.businessId(),
                envelope.createdAt(), null, null, null, List.of());
    }

    public TaskStatus taskStatus() {
        return TaskStatus.fromWire(status);
    }

    public TaskState processing(int attempt, String at, String worker) {
        return new TaskState(taskId, topic, agent, TaskStatus.PROCESSING.wireName(), attempt, null, null, correlationId,
                causationId, tenantId, businessId, createdAt, at, null, worker, history);
    }

    public TaskState retrying(int attempt, String failure, String at, String worker) {
        return new TaskState(taskId, topic, agent, TaskStatus.QUEUED.wireName(), attempt, null, failure, correlationId,
                causationId, tenantId, businessId, createdAt, startedAt, null, worker, withAttempt(attempt, failure, at, worker));
    }

    public TaskState finished(TaskStatus terminal, int attempt, JsonValue output, String failure, String at, String worker) {
        List<Attempt> story = failure == null ? history : withAttempt(attempt, failure, at, worker);
        return new TaskState(taskId, topic, agent, terminal.wireName(), attempt, output, failure, correlationId,
                causationId, tenantId, businessId, createdAt, startedAt, at, worker, story);
    }

    /** This state with the model, tier and cost of its outcome. */
    public TaskState withOutcome(String answeringModel, String tier, BigDecimal cents) {
        return new TaskState(taskId, topic, agent, status, attempts, result, error, correlationId, causationId, tenantId,
                businessId, createdAt, startedAt, completedAt, workerId, history, answeringModel, tier, cents);
    }

    /** What the failed attempts in {@code history} spent, in US cents. */
    public static BigDecimal spentBy(List<Attempt> history) {
        BigDecimal spent = BigDecimal.ZERO;
        for (Attempt attempt : history == null ? List.<Attempt>of() : history) {
            if (attempt.costCents() != null) {
                spent = spent.add(attempt.costCents());
            }
        }
        return spent;
    }

    private List<Attempt> withAttempt(int attempt, String failure, String at, String worker) {
        var story = new ArrayList<>(history == null ? List.<Attempt>of() : history);
        story.add(new Attempt(attempt, failure, at, worker, null, null));
        return List.copyOf(story);
    }
}
