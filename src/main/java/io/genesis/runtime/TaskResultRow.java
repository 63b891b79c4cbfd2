package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.api.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code omnidaemon_task_results} (sql/V1): a task in its terminal state. The only form of that row in
 * the code: built when a task finishes, carried through the Redis outbox as {@link #toText() text}, written and read
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

    private static final String VERSION = "w1";

    /**
     * The text the outbox holds: the columns in record order as {@link FramedText} (version {@code w1}), so the JSON of
     * input and output is copied, not escaped, on the way to PostgreSQL.
     */
    public String toText() {
        return FramedText.write(VERSION, taskId, topic, agentId, tenantId, businessId, correlationId, causationId, source,
                status.sqlStatus(), Integer.toString(attempts), Double.toString(durationSeconds), costCents.toPlainString(),
                qualityScore == null ? null : qualityScore.toString(), input, output, error, traceparent, workerId, createdAt,
                completedAt, model, modelTier);
    }

    /**
     * Reads {@link #toText()}, or a JSON object of an earlier version left in the outbox; throws
     * {@link IllegalArgumentException} for text that is neither.
     */
    public static TaskResultRow parse(String text) {
        if (text != null && text.startsWith("{")) {
            return fromJson(text);
        }
        try {
            String[] c = FramedText.read(VERSION, text, 22);
            return new TaskResultRow(required(c[0], "task_id"), required(c[1], "topic"), required(c[2], "agent_id"), c[3], c[4],
                    required(c[5], "correlation_id"), c[6], c[7], TaskStatus.fromSql(required(c[8], "status")),
                    Integer.parseInt(required(c[9], "attempts")), Double.parseDouble(required(c[10], "duration_seconds")),
                    new BigDecimal(required(c[11], "cost_cents")), c[12] == null ? null : Double.valueOf(c[12]), c[13], c[14],
                    c[15], c[16], c[17], required(c[18], "created_at"), c[19], c[20], c[21]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable result row: " + e.getMessage(), e);
        }
    }

    private static String required(String value, String column) {
        if (value == null) {
            throw new IllegalArgumentException("no " + column);
        }
        return value;
    }

    /** A row as the outbox held it before {@link #toText()}: a JSON object whose member names are the column names. */
    private static TaskResultRow fromJson(String json) {
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
     * A jsonb column's text: {@code <column>_json} as written then, or the nested value of a row an earlier
     * version left in the outbox ({@code <column>}); null for none or JSON null.
     */
    private static String jsonText(JsonObject row, String column) {
        String text = row.getString(column + "_json", null);
        return text != null ? text : text(row.get(column));
    }

    private static String text(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : JsonText.of(value);
    }

}
