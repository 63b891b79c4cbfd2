package io.genesis.runtime.ops;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import redis.clients.jedis.resps.StreamEntry;

import java.util.Map;

/**
 * One dead-letter entry as the consumers write it ({@code data}, {@code error}, {@code history}, {@code agent},
 * {@code attempts}, {@code failed_at}, {@code original_id}), decoded for an operator. {@code history} is the JSON
 * array of failed attempts; {@code undecodable} holds the raw {@code data} when it is not a JSON object.
 */
public record DeadLetter(String id, String taskId, String agent, Integer attempts, String error, String failedAt,
                         String originalId, JsonValue history, JsonObject envelope, String undecodable) {

    public static DeadLetter of(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        String data = fields.get("data");
        JsonObject envelope = JsonText.object(data).orElse(null);
        JsonValue history = JsonText.parse(fields.get("history")).orElse(JsonValue.EMPTY_JSON_ARRAY);
        return new DeadLetter(entry.getID().toString(), JsonText.string(envelope, "task_id"), fields.get("agent"),
                integer(fields.get("attempts")), fields.get("error"), fields.get("failed_at"), fields.get("original_id"),
                history, envelope, envelope == null ? (data == null ? "" : data) : null);
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
