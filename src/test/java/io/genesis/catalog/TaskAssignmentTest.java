package io.genesis.catalog;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskAssignmentTest {

    @Test
    void whatTheMetaAgentWritesIsWhatAnAgentReads() {
        TaskAssignment written = new TaskAssignment(
                new TaskAssignment.Business("biz_1", "saas_tool", "Quill", "Invoices", "Freelancers", "Freemium",
                        List.of("invoices", "reminders"), List.of("Java"), Map.of("activation_rate", "> 30%"), "<4h"),
                new TaskAssignment.Task("t3", "build", "Build it", "build", "gpt-4o"),
                Map.of("t1", Json.createObjectBuilder().add("summary", "spec").build()),
                Json.createObjectBuilder().add("vendor_url", "http://v/1").build(),
                Json.createObjectBuilder().add("latency_ms", 5).build(),
                Json.createObjectBuilder().add("similar_count", 2).add("similar_names", Json.createArrayBuilder().add("Inkwell")).build());
        JsonObject json = written.toJson();
        assertEquals(written, TaskAssignment.parse(json));
        assertEquals("Freelancers", json.getString("target_audience"));
        assertEquals("> 30%", json.getJsonObject("success_metrics").getString("activation_rate"));
        assertEquals(5, json.getJsonObject("simulate").getInt("latency_ms"), "hooks travel as 'simulate'");
        assertEquals("build", TaskAssignment.taskTypeOf(json).orElseThrow());
        assertEquals("gpt-4o", json.getJsonObject("task").getString("model_tier"), "DAAO's tier reaches the agent");
        assertEquals(2, json.getJsonObject("memory_hint").getInt("similar_count"));
    }

    @Test
    void contentOfAnyShapeReadsLeniently() {
        TaskAssignment older = TaskAssignment.parse(Json.createReader(new StringReader("""
                {"name":"Old","features":["a"," a ","b"],"target_market":"shops","task_type":"qa"}""")).readObject());
        assertEquals("Old", older.business().name());
        assertEquals(List.of("a", "b"), older.business().mvpFeatures());
        assertEquals("shops", older.business().targetAudience());
        assertEquals("qa", older.task().taskType());
        TaskAssignment nothing = TaskAssignment.parse(Json.createValue(3));
        assertNull(nothing.business().id());
        assertTrue(nothing.dependencies().isEmpty());
        assertTrue(TaskAssignment.taskTypeOf(JsonValue.NULL).isEmpty());
    }
}
