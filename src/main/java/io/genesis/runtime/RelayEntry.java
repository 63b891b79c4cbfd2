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
 * <p>Its text is the parts one after the other behind a header of their lengths,
 * {@code r1|<row>|<webhook>|<webhook due>|<notify topic>|<notice>|} (-1 for a part it does not have), then the parts:
 * nothing is escaped or parsed twice (the row and the notice are JSON texts of their own). Entries written as a JSON
 * object (before this format) are still read.
 */
record RelayEntry(String resultRowJson, String webhookJob, long webhookDueEpochMs, String notifyTopic, String noticeJson) {

    private static final String VERSION = "r1|";

    String toText() {
        StringBuilder text = new StringBuilder(VERSION.length() + 40 + resultRowJson.length()
                + length(webhookJob) + length(notifyTopic) + length(noticeJson))
                .append(VERSION).append(resultRowJson.length()).append('|').append(signedLength(webhookJob)).append('|')
                .append(webhookDueEpochMs).append('|').append(signedLength(notifyTopic)).append('|')
                .append(signedLength(noticeJson)).append('|').append(resultRowJson);
        for (String part : new String[] {webhookJob, notifyTopic, noticeJson}) {
            if (part != null) {
                text.append(part);
            }
        }
        return text.toString();
    }

    /** Reads an entry; throws {@link IllegalArgumentException} for text that is not one. */
    static RelayEntry parse(String text) {
        if (text != null && text.startsWith("{")) {
            return fromJson(text);
        }
        if (text == null || !text.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a relay entry: unknown format");
        }
        try {
            long[] header = new long[5];
            int at = VERSION.length();
            for (int i = 0; i < header.length; i++) {
                int bar = text.indexOf('|', at);
                header[i] = Long.parseLong(text, at, bar, 10);
                at = bar + 1;
            }
            String row = text.substring(at, at += (int) header[0]);
            String webhook = header[1] < 0 ? null : text.substring(at, at += (int) header[1]);
            String notify = header[3] < 0 ? null : text.substring(at, at += (int) header[3]);
            String notice = header[4] < 0 ? null : text.substring(at, at += (int) header[4]);
            if (at != text.length()) {
                throw new IllegalArgumentException("not a relay entry: " + (text.length() - at) + " characters after its parts");
            }
            return new RelayEntry(row, webhook, header[2], notify, notice);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
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

    private static int length(String part) {
        return part == null ? 0 : part.length();
    }

    private static int signedLength(String part) {
        return part == null ? -1 : part.length();
    }
}
