package io.genesis.runtime.ops;

import jakarta.json.JsonObject;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One entry of a topic stream, decoded: its id, the task it carries and the envelope (snake_case, as published).
 * {@code undecodable} holds the raw {@code data} field instead when it is not a JSON object.
 */
public record StreamMessage(String id, String taskId, JsonObject envelope, String undecodable) {

    public static StreamMessage of(StreamEntry entry) {
        String data = entry.getFields().get("data");
        return JsonText.object(data)
                .map(envelope -> new StreamMessage(entry.getID().toString(), JsonText.string(envelope, "task_id"), envelope, null))
                .orElseGet(() -> new StreamMessage(entry.getID().toString(), null, null, data == null ? "" : data));
    }
}
