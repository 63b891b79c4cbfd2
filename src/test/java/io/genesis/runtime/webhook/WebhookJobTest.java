package io.genesis.runtime.webhook;

import io.genesis.retry.RetryPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookJobTest {

    private static final String MEMBER =
            "{\"delivery_id\":\"d-1\",\"task_id\":\"t-1\",\"url\":\"http://example.test/hook\",\"attempt\":0,\"extra\":\"kept\"}";

    @Test
    void readsTheRuntimesMember() {
        WebhookJob job = WebhookJob.parse(MEMBER);
        assertEquals(MEMBER, job.member());
        assertEquals("d-1", job.deliveryId());
        assertEquals("t-1", job.taskId());
        assertEquals("http://example.test/hook", job.url());
        assertEquals(0, job.attempt());
        assertEquals(1, job.nextAttempt());
    }

    @Test
    void theRetryMemberCountsTheAttemptAndKeepsUnknownFields() {
        JsonObject next = read(WebhookJob.parse(MEMBER).afterAttempt(1));
        assertEquals(1, next.getInt("attempt"));
        assertEquals("d-1", next.getString("delivery_id"));
        assertEquals("kept", next.getString("extra"));
        assertEquals(2, WebhookJob.parse(next.toString()).nextAttempt());
    }

    @Test
    void aTaskJobSendsTheTaskStateUnderTheDispatchersPolicy() {
        WebhookJob job = WebhookJob.parse(MEMBER);
        assertEquals(WebhookJob.Subject.TASK, job.subject());
        assertEquals(WebhookSigner.TASK_ID, job.subject().header());
        assertNull(job.businessId());
        assertNull(job.body(), "the body is the task's state at the time of the attempt");
        assertNull(job.retry(), "genesis.webhooks.* applies");
        assertEquals("task t-1", job.describe());
    }

    @Test
    void aBusinessJobCarriesItsBodyAndItsOwnRetryPolicyAcrossAttempts() {
        RetryPolicy policy = new RetryPolicy(7, 250, 9000);
        String body = "{\"content\":\"💰 Spend summary for business biz_1: $3.25\"}";
        WebhookJob job = WebhookJob.business("d-2", "biz_1", "http://example.test/discord", body, policy);
        assertEquals(WebhookJob.Subject.BUSINESS, job.subject());
        assertEquals(WebhookSigner.BUSINESS_ID, job.subject().header());
        assertEquals("biz_1", job.businessId());
        assertNull(job.taskId());
        assertEquals(0, job.attempt());

        WebhookJob retried = WebhookJob.parse(job.afterAttempt(2));
        assertEquals(body, retried.body(), "the exact text is signed and sent on every attempt");
        assertEquals(policy, retried.retry());
        assertEquals(3, retried.nextAttempt());
        assertEquals("d-2", retried.deliveryId());
        assertEquals("business biz_1", retried.describe());
    }

    @Test
    void rejectsMembersThatAreNotJobs() {
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse("{\"task_id\":\"t\",\"url\":\"http://x\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookJob.parse("{\"delivery_id\":\"d\",\"task_id\":\"t\",\"url\":\"http://x\",\"attempt\":-1}"));
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse(
                "{\"delivery_id\":\"d\",\"task_id\":\"t\",\"business_id\":\"b\",\"url\":\"http://x\",\"body\":\"{}\"}"),
                "about a task or a business, not both");
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse(
                "{\"delivery_id\":\"d\",\"business_id\":\"b\",\"url\":\"http://x\"}"), "a business job carries its body");
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse(
                "{\"delivery_id\":\"d\",\"business_id\":\"b\",\"url\":\"http://x\",\"body\":\"{}\",\"max_attempts\":0,"
                        + "\"backoff_base_ms\":1,\"backoff_cap_ms\":1}"), "its retry policy is checked");
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
