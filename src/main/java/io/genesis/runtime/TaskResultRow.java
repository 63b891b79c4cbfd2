package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.api.JsonObjectText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code omnidaemon_task_results} (sql/V1): a task in its terminal state. The only form of that row in
 * the code: built when a task finishes, carried through the Redis outbox as {@link #toJson() JSON}, written and read
 * by {@link TaskResultStore}, shown as a {@link TaskState} once the Redis state has expired. The {@code jsonb} columns
 * ({@code input}, {@code output}) are held as JSON text and the times as ISO-8601 text, as PostgreSQL takes them: a
 * row is never parsed into a tree or a date on its way from the finish to the database.
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
        String input,
        String output,
        String error,
        String traceparent,
        String workerId,
        String createdAt,
        String completedAt,
        String model,
        String modelTier) {

    public TaskResultRow {
        if (!status.terminal()) {
            throw new IllegalArgumentException("a result row needs a terminal status, not " + status);
        }
        costCents = costCents == null ? BigDecimal.ZERO : costCents;
        tenantId = tenantId == null ? "default" : tenantId;
    }

    /**
     * The row of a task that reached a terminal status ({@code finish}: its result is null unless it completed), whose
     * output the caller has already written as {@code outputJson}. Its cost counts every attempt; its model is the one
     * that answered (or the last one a failed attempt asked), its tier the result's.
     */
    static TaskResultRow of(Envelope e, String agent, TaskTransitions.Finish finish, String outputJson, Instant completedAt,
                            String workerId) {
        AgentResult result = finish.result();
        return new TaskResultRow(e.taskId(), e.topic(), agent, e.tenantId(), e.businessId(), e.correlationId(),
                e.causationId(), e.source(), finish.status(), finish.attempt(), finish.durationMs() / 1000.0,
                finish.costCents(), result == null ? null : result.qualityScore(), text(e.content()), outputJson,
                finish.error(), e.traceparent(), workerId, e.createdAt(), completedAt.toString(), finish.model(),
                result == null ? null : result.modelTier());
    }

    /** What {@code GET /api/tasks/{id}} shows once the Redis state has expired (no start time, no attempt history). */
    public TaskState asState() {
        return new TaskState(taskId, topic, agentId, status.wireName(), attempts, JsonConventions.read(output), error,
                correlationId, causationId, tenantId, businessId, createdAt, null, completedAt, workerId, List.of(), model,
                modelTier, costCents);
    }

    /** The JSON object the outbox holds (field names = column names), written straight into text (once per task). */
    public String toJson() {
        return new JsonObjectText(256 + length(input) + length(output) + length(error))
                .add("task_id", taskId)
                .add("topic", topic)
                .add("agent_id", agentId)
                .add("tenant_id", tenantId)
                .add("correlation_id", correlationId)
                .add("status", status.sqlStatus())
                .add("attempts", attempts)
                .add("duration_seconds", durationSeconds)
                .add("cost_cents", costCents)
                .add("created_at", createdAt)
                .add("worker_id", workerId)
                .add("input_json", input)
                .add("output_json", output)
                .add("completed_at", completedAt)
                .add("business_id", businessId)
                .add("causation_id", causationId)
                .add("source", source)
                .add("traceparent", traceparent)
                .add("error", error)
                .add("model", model)
                .add("model_tier", modelTier)
                .add("quality_score", qualityScore)
                .close();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
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
                    quality instanceof JsonNumber number ? number.doubleValue() : null, jsonText(row, "input"),
                    jsonText(row, "output"), row.getString("error", null), row.getString("traceparent", null),
                    row.getString("worker_id", null), row.getString("created_at"), row.getString("completed_at", null),
                    row.getString("model", null), row.getString("model_tier", null));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable result row: " + e.getMessage(), e);
        }
    }

    /**
     * A jsonb column's text: {@code <column>_json} as written by {@link #toJson()}, or the nested value of a row an earlier
     * version left in the outbox ({@code <column>}); null for none or JSON null.
     */
    private static String jsonText(JsonObject row, String column) {
        String text = row.getString(column + "_json", null);
        return text != null ? text : text(row.get(column));
    }

    private static String text(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }

}
