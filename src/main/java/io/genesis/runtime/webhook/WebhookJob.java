package io.genesis.runtime.webhook;

import io.genesis.retry.RetryPolicy;
import io.genesis.api.JsonConventions;
import io.genesis.runtime.TaskTracing;
import io.genesis.runtime.TraceContext;
import io.opentelemetry.context.Scope;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Locale;

/**
 * One member of the webhook sorted set (each may carry the {@code traceparent} its delivery span descends from). A task
 * delivery, {@code {"delivery_id","task_id","url","attempt"}}, sends
 * the task's state as it is at each attempt; a business delivery (a spend summary),
 * {@code {"delivery_id","business_id","url","attempt","body","max_attempts","backoff_base_ms","backoff_cap_ms"}},
 * sends its own {@code body} and is retried by its own policy. {@code attempt} is the number of attempts already
 * made; {@code member} is the exact stored string, needed to remove or re-score it; fields this class does not know
 * are kept when the job is rescheduled.
 */
public record WebhookJob(String member, String deliveryId, Subject subject, String subjectId, String url, int attempt,
                         String body, RetryPolicy retry, JsonObject raw) {

    /** What a delivery is about: its JSON member and the header that names it. */
    public enum Subject {
        TASK("task_id", WebhookSigner.TASK_ID),
        BUSINESS("business_id", WebhookSigner.BUSINESS_ID);

        private final String field;
        private final String header;

        Subject(String field, String header) {
            this.field = field;
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /**
     * A delivery about a business with a fixed {@code body}, retried per {@code retry} whatever the dispatcher's
     * policy; its delivery span joins the trace current now (the business's). (Task jobs are written by the runtime's
     * finish step.)
     */
    public static WebhookJob business(String deliveryId, String businessId, String url, String body, RetryPolicy retry) {
        JsonObjectBuilder job = JsonConventions.json().createObjectBuilder().add("delivery_id", deliveryId).add("business_id", businessId)
                .add("url", url).add("attempt", 0).add("body", body).add("max_attempts", retry.maxAttempts())
                .add("backoff_base_ms", retry.baseMillis()).add("backoff_cap_ms", retry.capMillis());
        String traceparent = TaskTracing.currentTraceparent(null);
        if (traceparent != null) {
            job.add(TraceContext.HEADER, traceparent);
        }
        return parse(job.build().toString());
    }

    /** Reads a stored member; throws {@link IllegalArgumentException} when it is not a valid job. */
    public static WebhookJob parse(String member) {
        JsonObject json;
        try (var reader = JsonConventions.json().createReader(new StringReader(member))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("webhook job is not a JSON object: " + e.getMessage(), e);
        }
        String deliveryId = text(json, "delivery_id");
        String taskId = text(json, Subject.TASK.field);
        String businessId = text(json, Subject.BUSINESS.field);
        String url = text(json, "url");
        JsonValue attempt = json.get("attempt");
        int attempts = attempt == null ? 0 : attempt instanceof JsonNumber number ? number.intValue() : -1;
        if (deliveryId == null || (taskId == null) == (businessId == null) || url == null || attempts < 0) {
            throw new IllegalArgumentException("webhook job needs delivery_id, one of task_id or business_id, url and a"
                    + " non-negative attempt");
        }
        JsonValue body = json.get("body");
        if (body != null && !(body instanceof JsonString)) {
            throw new IllegalArgumentException("webhook job body must be a string");
        }
        if (businessId != null && body == null) {
            throw new IllegalArgumentException("a business webhook job carries its body");
        }
        return new WebhookJob(member, deliveryId, taskId != null ? Subject.TASK : Subject.BUSINESS,
                taskId != null ? taskId : businessId, url, attempts, body == null ? null : ((JsonString) body).getString(),
                retry(json), json);
    }

    /** The job's own retry policy, or null for the dispatcher's ({@code genesis.webhooks.*}). */
    private static RetryPolicy retry(JsonObject json) {
        if (!json.containsKey("max_attempts")) {
            return null;
        }
        if (json.get("max_attempts") instanceof JsonNumber max && json.get("backoff_base_ms") instanceof JsonNumber base
                && json.get("backoff_cap_ms") instanceof JsonNumber cap) {
            return new RetryPolicy(max.intValue(), base.longValue(), cap.longValue());
        }
        throw new IllegalArgumentException("webhook job max_attempts needs numeric backoff_base_ms and backoff_cap_ms");
    }

    /** The task the delivery is about, or null for a business delivery. */
    public String taskId() {
        return subject == Subject.TASK ? subjectId : null;
    }

    /** Makes this job's trace and task current until closed ({@link TaskTracing#within}): log lines about it name them. */
    public Scope traced() {
        return TaskTracing.within(raw.getString(TraceContext.HEADER, null), taskId());
    }

    /** The business the delivery is about, or null for a task delivery. */
    public String businessId() {
        return subject == Subject.BUSINESS ? subjectId : null;
    }

    /** {@code task <id>} or {@code business <id>}, for log lines. */
    public String describe() {
        return subject.name().toLowerCase(Locale.ROOT) + " " + subjectId;
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
