package io.genesis.runtime.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void rejectsMembersThatAreNotJobs() {
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> WebhookJob.parse("{\"task_id\":\"t\",\"url\":\"http://x\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookJob.parse("{\"delivery_id\":\"d\",\"task_id\":\"t\",\"url\":\"http://x\",\"attempt\":-1}"));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
