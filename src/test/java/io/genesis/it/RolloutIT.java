package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradual move of {@code POST /api/invoke} from the synchronous in-request path to the async runtime: the share is
 * set at run time by an operator, each request key keeps its path, both paths answer the same shape.
 */
class RolloutIT {

    private static final String PATH = "Genesis-Invoke-Path";
    private static final String QA_TASK = "{\"topic\":\"genesis.qa\",\"content\":{\"feature\":\"rollout\"}}";

    @AfterEach
    void backToTheConfiguredShare() {
        assertEquals(200, Api.delete("/api/runtime/rollout").status());
    }

    @Test
    void theConfiguredShareSendsEveryInvokeThroughTheRuntime() {
        JsonObject share = Api.get("/api/runtime/rollout").json();
        assertEquals(100, share.getInt("async_percent"));
        assertEquals("config", share.getString("source"));

        Api.Reply reply = Api.post("/api/invoke", QA_TASK);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("async", reply.header(PATH));
        assertEquals("completed", reply.json().getString("status"));
        assertEquals(200, Api.get("/api/tasks/" + reply.json().getString("task_id")).status(), "the runtime keeps its task");
    }

    @Test
    void atZeroPercentTheHandlerRunsInTheRequestOnceAndNothingIsRecorded() {
        JsonObject share = Api.put("/api/runtime/rollout", "{\"async_percent\":0}").json();
        assertEquals(0, share.getInt("async_percent"));
        assertEquals("operator", share.getString("source"));

        Api.Reply done = Api.post("/api/invoke", QA_TASK);
        assertEquals(200, done.status(), done.body());
        assertEquals("sync", done.header(PATH));
        assertEquals("completed", done.json().getString("status"));
        assertEquals("qa_agent", done.json().getJsonObject("result").getString("agent"));
        assertEquals(404, Api.get("/api/tasks/" + done.json().getString("task_id")).status(),
                "the synchronous path keeps no task state");

        Api.Reply failed = Api.post("/api/invoke",
                "{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_permanently\":true}}}");
        assertEquals(200, failed.status(), failed.body());
        assertEquals("sync", failed.header(PATH));
        assertEquals("failed", failed.json().getString("status"));
        assertEquals(1, failed.json().getInt("attempts"), "one attempt: the legacy path does not retry");
        assertTrue(failed.json().getString("error").contains("permanent"), failed.body());

        Api.Reply withReply = Api.post("/api/invoke",
                "{\"topic\":\"genesis.qa\",\"reply_to\":\"genesis.deploy\",\"content\":{}}");
        assertEquals("async", withReply.header(PATH), "only the runtime honours reply_to");

        String metrics = Api.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("omnidaemon_invokes_total{")
                && line.contains("path=\"sync\"") && line.contains("outcome=\"completed\"")), "sync invokes are counted");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("omnidaemon_invoke_duration_seconds_count{")
                && line.contains("path=\"sync\"")), "sync invokes are timed");
    }

    @Test
    void atHalfEachRequestKeyKeepsItsPathAndBothPathsServe() {
        Api.put("/api/runtime/rollout", "{\"async_percent\":50}");
        Map<String, String> firstPath = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            String key = "rollout-it-" + i;
            Api.Reply first = Api.post("/api/invoke", QA_TASK, headers("X-Request-Id", key));
            Api.Reply again = Api.post("/api/invoke", QA_TASK, headers("X-Request-Id", key));
            assertEquals(200, first.status(), first.body());
            assertEquals(first.header(PATH), again.header(PATH), "a retry of " + key + " stays on its path");
            firstPath.put(key, first.header(PATH));
            seen.add(first.header(PATH));
        }
        assertEquals(Set.of("sync", "async"), seen, "16 keys at 50 % take both paths: " + firstPath);
    }

    @Test
    void badSharesAndNonOperatorsAreRefused() {
        for (String body : List.of("{\"async_percent\":101}", "{\"async_percent\":-1}", "{}", "{\"async_percent\":\"half\"}")) {
            Api.Reply refused = Api.put("/api/runtime/rollout", body);
            assertTrue(refused.status() == 400 || refused.status() == 422, body + " -> " + refused.status());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        }
        String tenantToken = DevTokens.mint("rollout-tenant", "default", List.of("tenant"), 600);
        assertEquals(403, Api.put("/api/runtime/rollout", "{\"async_percent\":0}", Api.bearer(tenantToken)).status());
        assertEquals(100, Api.get("/api/runtime/rollout").json().getInt("async_percent"), "nothing changed");
        Api.Reply badKey = Api.post("/api/invoke", QA_TASK, headers("X-Request-Id", "not a key!"));
        assertTrue(badKey.status() == 400 || badKey.status() == 422, "X-Request-Id is validated: " + badKey.status());
    }

    private static Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new HashMap<>(Api.bearer(Api.TOKEN));
        headers.put(name, value);
        return headers;
    }
}
