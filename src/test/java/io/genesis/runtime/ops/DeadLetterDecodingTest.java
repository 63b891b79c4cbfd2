package io.genesis.runtime.ops;

import io.genesis.runtime.AgentPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterDecodingTest {

    private static final AgentPolicy QA = new AgentPolicy("qa_agent", "genesis.qa", 3, 5, 900, 4);
    private static final String ENVELOPE = "{\"task_id\":\"t1\",\"topic\":\"genesis.qa\",\"content\":{\"big\":12345678901234567890,"
            + "\"empty\":[],\"obj\":{}},\"correlation_id\":\"c1\",\"tenant_id\":\"acme\",\"delivery_attempts\":4,"
            + "\"created_at\":\"2026-11-01T12:00:00Z\"}";

    @Test
    void decodesEveryDocumentedField() {
        DeadLetter letter = DeadLetter.of(entry(Map.of("data", ENVELOPE, "error", "boom", "agent", "qa_agent",
                "attempts", "4", "failed_at", "2026-11-01T12:01:00Z", "original_id", "5-0",
                "history", "[{\"attempt\":1,\"error\":\"boom\"}]")));
        assertEquals("1-0", letter.id());
        assertEquals("t1", letter.taskId());
        assertEquals(4, letter.attempts());
        assertEquals("boom", letter.error());
        assertEquals("5-0", letter.originalId());
        assertEquals(1, letter.history().asJsonArray().size());
        assertNull(letter.undecodable());
        assertNull(DeadLetterAdmin.unreplayable(letter, QA));
    }

    @Test
    void undecodableDataIsKeptRawAndNotReplayable() {
        DeadLetter letter = DeadLetter.of(entry(Map.of("data", "not json", "attempts", "many")));
        assertNull(letter.envelope());
        assertEquals("not json", letter.undecodable());
        assertNull(letter.attempts());
        assertEquals(0, letter.history().asJsonArray().size());
        assertTrue(DeadLetterAdmin.unreplayable(letter, QA).contains("not a JSON envelope"));
    }

    @Test
    void anEnvelopeOfAnotherTopicOrWithoutTaskIdIsNotReplayable() {
        DeadLetter other = DeadLetter.of(entry(Map.of("data", ENVELOPE.replace("genesis.qa", "genesis.build"))));
        assertTrue(DeadLetterAdmin.unreplayable(other, QA).contains("genesis.build"));
        DeadLetter noId = DeadLetter.of(entry(Map.of("data", "{\"topic\":\"genesis.qa\"}")));
        assertTrue(DeadLetterAdmin.unreplayable(noId, QA).contains("task_id"));
    }

    @Test
    void replayResetsDeliveryAttemptsAndLeavesContentUntouched() {
        JsonObject envelope = read(ENVELOPE);
        JsonObject reset = read(DeadLetterAdmin.resetEnvelope(envelope));
        assertEquals(0, reset.getInt("delivery_attempts"));
        assertEquals(envelope.getJsonObject("content"), reset.getJsonObject("content"));
        assertTrue(DeadLetterAdmin.resetEnvelope(envelope).contains("12345678901234567890"), "big numbers kept exactly");
        assertEquals(envelope.keySet().stream().toList(), reset.keySet().stream().toList(), "member order kept");
    }

    @Test
    void freshStateIsQueuedWithTheDeadLettersHistory() {
        DeadLetter letter = DeadLetter.of(entry(Map.of("data", ENVELOPE, "history", "[{\"attempt\":1}]")));
        JsonObject state = read(DeadLetterAdmin.freshState(letter, QA));
        assertEquals("queued", state.getString("status"));
        assertEquals("0", state.getString("attempts"));
        assertEquals("qa_agent", state.getString("agent"));
        assertEquals("acme", state.getString("tenant_id"));
        assertEquals("[{\"attempt\":1}]", state.getString("history"));
        assertTrue(state.values().stream().allMatch(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.STRING),
                "a flat object of strings (hash fields): " + state);
    }

    @Test
    void streamMessagesCarryTheirTaskId() {
        StreamMessage message = StreamMessage.of(entry(Map.of("data", ENVELOPE)));
        assertEquals("t1", message.taskId());
        assertEquals("genesis.qa", message.envelope().getString("topic"));
        StreamMessage garbled = StreamMessage.of(entry(Map.of("data", "[1]")));
        assertNull(garbled.taskId());
        assertEquals("[1]", garbled.undecodable());
    }

    private static StreamEntry entry(Map<String, String> fields) {
        return new StreamEntry(new StreamEntryID(1, 0), fields);
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
