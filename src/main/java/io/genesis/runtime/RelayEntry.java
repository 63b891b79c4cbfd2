package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonObject;

import java.io.StringReader;

/**
 * What one finished task hands on to keys outside its topic's hash slot, written atomically with the finish into the
 * topic's relay ({@link RuntimeKeys#relay}) and handed on by {@link TopicRelay}: the SQL result row (always), the
 * webhook job with its due time (when the task has a webhook) and the task_finished notice for another topic (when it
 * has a notify topic). Every hand-on is idempotent, so handing an entry on twice after a crash is harmless.
 *
 * <p>Its text is {@link FramedText} (version {@code r1}: row, webhook job, webhook due time, notify topic, notice): nothing
 * in it is escaped or parsed twice. Entries written as a JSON object (before this format) are still read.
 */
record RelayEntry(String resultRowText, String webhookJob, long webhookDueEpochMs, String notifyTopic, String noticeJson) {

    private static final String VERSION = "r1";

    String toText() {
        return FramedText.write(VERSION, resultRowText, webhookJob, Long.toString(webhookDueEpochMs), notifyTopic, noticeJson);
    }

    /** Reads an entry; throws {@link IllegalArgumentException} for text that is not one. */
    static RelayEntry parse(String text) {
        if (text != null && text.startsWith("{")) {
            return fromJson(text);
        }
        try {
            String[] parts = FramedText.read(VERSION, text, 5);
            if (parts[0] == null || parts[2] == null) {
                throw new IllegalArgumentException("no row or due time");
            }
            return new RelayEntry(parts[0], parts[1], Long.parseLong(parts[2]), parts[3], parts[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a relay entry: " + e.getMessage(), e);
        }
    }

    /** An entry of the earlier JSON format ({@code row}, {@code webhook}, {@code webhook_due}, {@code notify_topic}, {@code notice}). */
    private static RelayEntry fromJson(String text) {
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
