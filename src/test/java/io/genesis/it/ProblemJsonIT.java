package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client mistakes get application/problem+json with a useful detail, never a stack trace or an HTML page. */
class ProblemJsonIT {

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void unknownApiPathIs404Problem() {
        JsonObject problem = problem(Api.get("/api/no-such-thing"), 404);
        assertTrue(problem.getString("detail").contains("/api/no-such-thing"), problem.toString());
    }

    @Test
    void unknownPathOutsideTheApiIs404ProblemToo() {
        JsonObject problem = problem(Api.get("/no-such-page"), 404);
        assertTrue(problem.getString("detail").contains("/api"), "points the caller to the API: " + problem);
    }

    @Test
    void malformedJsonIs400Problem() {
        JsonObject problem = problem(Api.post("/api/tasks", "{\"topic\": \"genesis.build\", \"content\": "), 400);
        assertTrue(problem.getString("detail").toLowerCase().contains("json"), problem.toString());
    }

    @Test
    void bodyThatIsNotAnObjectIs400Problem() {
        problem(Api.post("/api/tasks", "[\"genesis.build\"]"), 400);
    }

    @Test
    void everyRefusedFieldIsNamedByItsWireName() {
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"colour\":\"red\"}"), "colour",
                "Unknown field 'colour'");
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"reply_to\":5}"), "reply_to",
                "reply_to must be a string");
        assertField(Api.post("/api/tasks", "{\"content\":{}}"), "topic", "topic is required");
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"correlation_id\":\"a b\"}"),
                "correlation_id", "correlation_id must be");
        assertField(Api.post("/api/tasks", ""), "body", "body is required");
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{}}", Map.of("Idempotency-Key", "a b")),
                "Idempotency-Key", "Idempotency-Key must be");
        assertField(Api.post("/api/bus/dlq/genesis.build/replay", "{\"ids\":{}}"), "ids", "ids must be a JSON array");
        // a NUL could not reach the task's SQL row: refused at intake instead of accepted and then lost
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{\"spec\":[\"ok\",\"a\\u0000b\"]}}"),
                "content.spec[1]", "content.spec[1] contains a NUL character");
        assertField(Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":\"\\u0000\"}"), "content", "content contains");
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJsonAndOtherMediaTypesAre415() throws Exception {
        var client = HttpClient.newHttpClient();
        // the JDK client adds no Content-Type of its own: this body arrives without one
        var noType = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/tasks"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"genesis.build\",\"content\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, noType.statusCode(), noType.body());
        assertTrue(noType.body().contains("\"task_id\""), noType.body());
        var form = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/tasks"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topic=genesis.build")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode(), form.body());
        assertTrue(form.body().contains("application/json"), form.body());
    }

    @Test
    void aBodyOverTheLimitIs413ProblemOnAnyEndpoint() {
        String big = "{\"ids\":[\"" + "1".repeat(1_100_000) + "-0\"]}";
        Api.Reply tooLarge = Api.post("/api/bus/dlq/genesis.build/replay", big);
        assertEquals(413, tooLarge.status(), "status (body not echoed: it is 1 MB)");
        assertTrue(tooLarge.json().getString("detail").contains("genesis.api.max-body-bytes"), tooLarge.json().getString("detail"));
    }

    @Test
    void wrongMethodIs405Problem() {
        problem(Api.delete("/api/tasks"), 405);
    }

    private static void assertField(Api.Reply reply, String field, String detail) {
        JsonObject problem = problem(reply, 400);
        assertEquals(field, problem.getString("field"), problem.toString());
        assertTrue(problem.getString("detail").startsWith(detail), problem.toString());
    }

    private static JsonObject problem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no stack trace: " + reply.body());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        return problem;
    }
}
