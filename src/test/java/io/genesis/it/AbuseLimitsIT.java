package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Abuse limits at the HTTP edge: body size, JSON shape, media type, security headers, no CORS by default. */
class AbuseLimitsIT {

    private static final int LIMIT = 1_048_576;

    /** Every endpoint that takes a body (POST or PUT), with a path that reaches it. */
    private static final List<String[]> WRITES = List.of(
            new String[]{"POST", "/api/tasks"}, new String[]{"POST", "/api/invoke"}, new String[]{"POST", "/api/invoke/async"},
            new String[]{"POST", "/api/bus/dlq/genesis.build/replay"}, new String[]{"POST", "/api/businesses"},
            new String[]{"POST", "/api/businesses/b-1/approvals/t-1"}, new String[]{"PUT", "/api/budgets/builder_agent"},
            new String[]{"POST", "/api/payments"}, new String[]{"POST", "/api/payments/p-1/decision"},
            new String[]{"POST", "/api/payments/p-1/capture"}, new String[]{"POST", "/api/payments/p-1/void"},
            new String[]{"POST", "/api/payments/p-1/refund"}, new String[]{"POST", "/api/businesses/b-1/spend/notifications"},
            new String[]{"POST", "/api/payments/mandates/m-1/revoke"});

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aBodyOverTheLimitByContentLengthIs413BeforeItIsRead() {
        byte[] big = task("\"" + "x".repeat(LIMIT + 10) + "\"");
        for (String path : List.of("/api/tasks", "/api/payments", "/api/no-such-endpoint")) {
            Api.Reply reply = Api.send("POST", path, HttpRequest.BodyPublishers.ofByteArray(big),
                    Map.of("Content-Type", "application/json"));
            JsonObject problem = problem(reply, 413);
            assertTrue(problem.getString("detail").contains("genesis.api.max-body-bytes"), path + ": " + problem);
        }
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedPastTheLimit() {
        Api.Reply tooLarge = Api.postChunked("/api/tasks", task("\"" + "x".repeat(LIMIT + 10) + "\""));
        assertTrue(problem(tooLarge, 413).getString("detail").contains("genesis.api.max-body-bytes"), tooLarge.body());
        // a purchase-shaped body: the payment endpoint binds its body member by member, so a task body would be refused
        // at its first member (400 Unknown field 'topic') before the reader ever counted past the limit
        Api.Reply payments = Api.postChunked("/api/payments", ("{\"business_id\":\"biz_0123456789abcdef\",\"purpose\":\""
                + "x".repeat(LIMIT + 10) + "\"}").getBytes(StandardCharsets.UTF_8));
        problem(payments, 413);
        Api.Reply small = Api.postChunked("/api/tasks", task("{\"small\":true}"));
        assertEquals(202, small.status(), "a chunked body under the limit is read as usual: " + small.body());
    }

    @Test
    void nestingDeeperThanTheLimitIs400NamingTheBody() {
        String deep = "[".repeat(40) + "]".repeat(40);
        for (String path : List.of("/api/tasks", "/api/payments", "/api/businesses")) {
            JsonObject problem = problem(Api.post(path, new String(task(deep), StandardCharsets.UTF_8)), 400);
            assertEquals("body", problem.getString("field"), path + ": " + problem);
            assertTrue(problem.getString("detail").contains("genesis.api.json.max-depth"), path + ": " + problem);
        }
        Api.Reply fine = Api.post("/api/tasks", new String(task("[".repeat(20) + "]".repeat(20)), StandardCharsets.UTF_8));
        assertEquals(202, fine.status(), fine.body());
    }

    @Test
    void moreMembersThanTheLimitIs413() {
        String many = "[" + "1,".repeat(10_001) + "1]";
        JsonObject problem = problem(Api.post("/api/tasks", new String(task(many), StandardCharsets.UTF_8)), 413);
        assertTrue(problem.getString("detail").contains("genesis.api.json.max-members"), problem.toString());
    }

    @Test
    void everyPostAndPutThatIsNotJsonIs415() {
        assertAll(WRITES.stream().map(write -> () -> {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
                Api.Reply reply = Api.send(write[0], write[1], HttpRequest.BodyPublishers.ofString("{}"), Map.of("Content-Type", type));
                JsonObject problem = problem(reply, 415);
                assertTrue(problem.getString("detail").contains("application/json"), write[1] + ": " + problem);
            }
        }));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        assertAll(List.of(Api.get("/api/runtime"), Api.get("/api/no-such-thing"), Api.get("/no-such-page"),
                Api.post("/api/tasks", "{"), Api.send("POST", "/api/tasks", HttpRequest.BodyPublishers.ofString("x"),
                        Map.of("Content-Type", "text/plain"))).stream().map(reply -> () -> {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.body());
            String policy = reply.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"),
                    String.valueOf(policy));
            assertEquals("no-referrer", reply.header("Referrer-Policy"));
        }));
    }

    @Test
    void noCorsHeadersForAnyOriginUnlessConfigured() {
        Api.Reply simple = Api.get("/api/runtime", Map.of("Origin", "https://elsewhere.example"));
        assertEquals(200, simple.status(), simple.body());
        assertNull(simple.header("Access-Control-Allow-Origin"));
        Api.Reply preflight = Api.send("OPTIONS", "/api/tasks", HttpRequest.BodyPublishers.noBody(),
                Map.of("Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST"));
        assertNull(preflight.header("Access-Control-Allow-Origin"), "status " + preflight.status());
        assertNull(preflight.header("Access-Control-Allow-Methods"));
    }

    private static byte[] task(String content) {
        return ("{\"topic\":\"genesis.build\",\"content\":{\"data\":" + content + "}}").getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject problem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body().length() > 2000 ? reply.body().substring(0, 2000) : reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertFalse(reply.body().contains("\tat "), "no stack trace");
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        return problem;
    }
}
