package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;

/**
 * What one finished task hands on to keys outside its topic's hash slot, written atomically with the finish into the
 * topic's relay ({@link RuntimeKeys#relay}) and handed on by {@link TopicRelay}: the SQL result row (always), the
 * webhook job with its due time (when the task has a webhook) and the task_finished notice for another topic (when it
 * has a notify topic). Every hand-on is idempotent, so handing an entry on twice after a crash is harmless.
 */
record RelayEntry(String resultRowJson, String webhookJob, long webhookDueEpochMs, String notifyTopic, String noticeJson) {

    String toJson() {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder().add("row", resultRowJson);
        if (webhookJob != null) {
            json.add("webhook", webhookJob).add("webhook_due", webhookDueEpochMs);
        }
        if (notifyTopic != null) {
            json.add("notify_topic", notifyTopic).add("notice", noticeJson);
        }
        return json.build().toString();
    }

    /** Reads an entry; throws {@link IllegalArgumentException} for text that is not one. */
    static RelayEntry fromJson(String text) {
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new RelayEntry(json.getString("row"), json.getString("webhook", null),
                    json.getJsonNumber("webhook_due") == null ? 0 : json.getJsonNumber("webhook_due").longValue(),
                    json.getString("notify_topic", null), json.getString("notice", null));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a relay entry: " + e.getMessage(), e);
        }
    }
}
