package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void wrongMethodIs405Problem() {
        problem(Api.delete("/api/tasks"), 405);
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
