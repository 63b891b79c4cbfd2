package io.genesis.runtime.webhook;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * One member of the webhook sorted set: {@code {"delivery_id","task_id","url","attempt"}}, {@code attempt} being
 * the number of attempts already made. {@code member} is the exact stored string, needed to remove or re-score it;
 * fields this class does not know are kept when the job is rescheduled.
 */
public record WebhookJob(String member, String deliveryId, String taskId, String url, int attempt, JsonObject raw) {

    /** Reads a stored member; throws {@link IllegalArgumentException} when it is not a valid job. */
    public static WebhookJob parse(String member) {
        JsonObject json;
        try (var reader = JsonConventions.json().createReader(new StringReader(member))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("webhook job is not a JSON object: " + e.getMessage(), e);
        }
        String deliveryId = text(json, "delivery_id");
        String taskId = text(json, "task_id");
        String url = text(json, "url");
        JsonValue attempt = json.get("attempt");
        int attempts = attempt == null ? 0 : attempt instanceof JsonNumber number ? number.intValue() : -1;
        if (deliveryId == null || taskId == null || url == null || attempts < 0) {
            throw new IllegalArgumentException("webhook job needs delivery_id, task_id, url and a non-negative attempt");
        }
        return new WebhookJob(member, deliveryId, taskId, url, attempts, json);
    }

    /** The number of the attempt about to be made (from 1), as sent in {@code X-Genesis-Attempt}. */
    public int nextAttempt() {
        return attempt + 1;
    }

    /** The member to store after attempt {@code attemptsMade} failed and will be retried. */
    public String afterAttempt(int attemptsMade) {
        JsonObjectBuilder next = JsonConventions.json().createObjectBuilder(raw);
        next.add("attempt", attemptsMade);
        return next.build().toString();
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string && !string.getString().isBlank() ? string.getString() : null;
    }
}
