package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One row of {@code omnidaemon_task_results} (sql/V1): a task in its terminal state. The only form of that row in
 * the code: built when a task finishes, carried through the Redis outbox as {@link #toJson() JSON}, written and read
 * by {@link TaskResultStore}, shown as a {@link TaskState} once the Redis state has expired.
 */
public record TaskResultRow(
        String taskId,
        String topic,
        String agentId,
        String tenantId,
        String businessId,
        String correlationId,
        String causationId,
        String source,
        TaskStatus status,
        int attempts,
        double durationSeconds,
        BigDecimal costCents,
        Double qualityScore,
        JsonValue input,
        JsonValue output,
        String error,
        String traceparent,
        String workerId,
        Instant createdAt,
        Instant completedAt) {

    public TaskResultRow {
        if (!status.terminal()) {
            throw new IllegalArgumentException("a result row needs a terminal status, not " + status);
        }
        costCents = costCents == null ? BigDecimal.ZERO : costCents;
    }

    /** The row of a task that reached {@code status} with {@code result} (null unless it completed). */
    static TaskResultRow of(Envelope e, String agent, TaskStatus status, int attempts, AgentResult result, String error,
                            long durationMs, Instant completedAt, String workerId) {
        return new TaskResultRow(e.taskId(), e.topic(), agent, e.tenantId(), e.businessId(), e.correlationId(),
                e.causationId(), e.source(), status, attempts, durationMs / 1000.0,
                result == null ? BigDecimal.ZERO : result.costCents(), result == null ? null : result.qualityScore(),
                e.content(), result == null ? null : result.output(), error, e.traceparent(), workerId,
                instant(e.createdAt()), completedAt);
    }

    /** What {@code GET /api/tasks/{id}} shows once the Redis state has expired (no start time, no attempt history). */
    public TaskState asState() {
        return new TaskState(taskId, topic, agentId, status.wireName(), attempts, output, error, correlationId, causationId,
                tenantId, businessId, createdAt.toString(), null, completedAt == null ? null : completedAt.toString(), workerId,
                List.of());
    }

    /** The JSON object the outbox holds (field names = column names). */
    public String toJson() {
        JsonObjectBuilder row = JsonConventions.json().createObjectBuilder()
                .add("task_id", taskId)
                .add("topic", topic)
                .add("agent_id", agentId)
                .add("tenant_id", tenantId)
                .add("correlation_id", correlationId)
                .add("status", status.sqlStatus())
                .add("attempts", attempts)
                .add("duration_seconds", durationSeconds)
                .add("cost_cents", costCents)
                .add("input", input == null ? JsonValue.NULL : input)
                .add("created_at", createdAt.toString())
                .add("worker_id", workerId);
        addIfPresent(row, "completed_at", completedAt == null ? null : completedAt.toString());
        addIfPresent(row, "business_id", businessId);
        addIfPresent(row, "causation_id", causationId);
        addIfPresent(row, "source", source);
        addIfPresent(row, "traceparent", traceparent);
        addIfPresent(row, "error", error);
        if (output != null) {
            row.add("output", output);
        }
        if (qualityScore != null) {
            row.add("quality_score", qualityScore);
        }
        return row.build().toString();
    }

    /** Reads {@link #toJson()}; throws {@link IllegalArgumentException} for text that is not such a row. */
    public static TaskResultRow fromJson(String json) {
        try {
            JsonObject row = JsonConventions.readObject(json);
            if (row == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonValue quality = row.get("quality_score");
            return new TaskResultRow(row.getString("task_id"), row.getString("topic"), row.getString("agent_id"),
                    row.getString("tenant_id", "default"), row.getString("business_id", null), row.getString("correlation_id"),
                    row.getString("causation_id", null), row.getString("source", null),
                    TaskStatus.fromSql(row.getString("status")), row.getInt("attempts"),
                    row.getJsonNumber("duration_seconds").doubleValue(), row.getJsonNumber("cost_cents").bigDecimalValue(),
                    quality instanceof JsonNumber number ? number.doubleValue() : null, present(row.get("input")),
                    present(row.get("output")), row.getString("error", null), row.getString("traceparent", null),
                    row.getString("worker_id", null), instant(row.getString("created_at")),
                    instant(row.getString("completed_at", null)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable result row: " + e.getMessage(), e);
        }
    }

    /** ISO-8601 with an offset or {@code Z}; null stays null. */
    static Instant instant(String text) {
        return text == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    private static JsonValue present(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : value;
    }

    private static void addIfPresent(JsonObjectBuilder row, String field, String value) {
        if (value != null) {
            row.add(field, value);
        }
    }
}
