package io.genesis.runtime;

import jakarta.json.JsonValue;

import java.util.List;

/**
 * What a poller sees of a task ({@code GET /api/tasks/{id}}), kept in Redis under {@code <prefix>:task:<id>} with
 * a TTL. {@code history} lists every failed attempt with its error, so a dead letter carries its story;
 * {@code traceparent} is the envelope's W3C trace context (the trace of the task and of its business).
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
        String traceparent) {

    /** One failed attempt. */
    public record Attempt(int attempt, String error, String at, String workerId) {
    }

    public static TaskState queued(Envelope envelope, String agent) {
        return new TaskState(envelope.taskId(), envelope.topic(), agent, TaskStatus.QUEUED.wireName(), 0, null, null,
                envelope.correlationId(), envelope.causationId(), envelope.tenantId(), envelope.businessId(),
                envelope.createdAt(), null, null, null, List.of(), envelope.traceparent());
    }

    public TaskStatus taskStatus() {
        return TaskStatus.fromWire(status);
    }

    public TaskState processing(int attempt, String at, String worker) {
        return new TaskState(taskId, topic, agent, TaskStatus.PROCESSING.wireName(), attempt, null, null, correlationId,
                causationId, tenantId, businessId, createdAt, at, null, worker, history, traceparent);
    }

    public TaskState retrying(int attempt, String failure, String at, String worker) {
        return new TaskState(taskId, topic, agent, TaskStatus.QUEUED.wireName(), attempt, null, failure, correlationId,
                causationId, tenantId, businessId, createdAt, startedAt, null, worker, withAttempt(attempt, failure, at, worker),
                traceparent);
    }

    public TaskState finished(TaskStatus terminal, int attempt, JsonValue output, String failure, String at, String worker) {
        List<Attempt> story = failure == null ? history : withAttempt(attempt, failure, at, worker);
        return new TaskState(taskId, topic, agent, terminal.wireName(), attempt, output, failure, correlationId,
                causationId, tenantId, businessId, createdAt, startedAt, at, worker, story, traceparent);
    }

    private List<Attempt> withAttempt(int attempt, String failure, String at, String worker) {
        var story = new java.util.ArrayList<>(history == null ? List.<Attempt>of() : history);
        story.add(new Attempt(attempt, failure, at, worker));
        return List.copyOf(story);
    }
}
