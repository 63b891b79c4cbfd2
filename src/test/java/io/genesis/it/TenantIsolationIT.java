package io.genesis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants see only their own businesses and tasks (another tenant's is 404, lists hold only theirs), act only as
 * their token's tenant, cannot publish to Genesis's internal topics, and meet their write rate, daily business quota
 * and event-stream limits (tenants {@code throttled}, {@code quota-it} and {@code streams-it} have small ones in the
 * IT server's configuration).
 */
class TenantIsolationIT {

    private static final String BUSINESS = "{\"business_type\":\"content_website\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":50}}}}";
    private static final String SLOW_BUSINESS = "{\"business_type\":\"content_website\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":300}}}}";
    private static final Map<String, String> ACME = Api.bearer(DevTokens.mint("alice", "acme", List.of("tenant"), 600));
    private static final Map<String, String> ACME_APPROVER = Api.bearer(DevTokens.mint("anna", "acme", List.of("approver"), 600));
    private static final Map<String, String> GLOBEX = Api.bearer(DevTokens.mint("bob", "globex", List.of("tenant"), 600));
    private static final Map<String, String> GLOBEX_APPROVER = Api.bearer(DevTokens.mint("bea", "globex", List.of("approver"), 600));

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void statusCountsAreTheCallersTenantsAndAnOperatorMayPickOne() {
        String tenant = "counts-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> member = Api.bearer(DevTokens.mint("carol", tenant, List.of("tenant"), 600));
        Map<String, String> stranger = Api.bearer(DevTokens.mint("dave", tenant + "-other", List.of("tenant"), 600));
        String id = Businesses.create(BUSINESS, member);
        Await.until("the business finished", Duration.ofSeconds(120), () -> Api.get("/api/businesses/" + id, member).json(),
                b -> b.getString("status").equals("SUCCESS") || b.getString("status").equals("FAILED"));

        JsonObject own = Api.get("/api/businesses/status-counts", member).json();
        assertEquals(1, own.getInt("total"), own.toString());
        assertEquals(1, own.getJsonObject("by_status").getInt("SUCCESS"), own.toString());
        assertEquals(0, own.getJsonObject("by_status").getInt("FAILED"), "every status is listed");
        assertEquals(0, Api.get("/api/businesses/status-counts", stranger).json().getInt("total"), "another tenant counts nothing of it");
        assertEquals(1, Api.get("/api/businesses/status-counts?tenant_id=" + tenant).json().getInt("total"), "an operator picks a tenant");
        assertEquals(403, Api.get("/api/businesses/status-counts?tenant_id=" + tenant, stranger).status(),
                "a tenant may not ask for another tenant's counts");
    }

    @Test
    void anotherTenantsBusinessIsNotFoundAnywhere() {
        String id = Businesses.create(BUSINESS, ACME);
        assertEquals(200, Api.get("/api/businesses/" + id, ACME).status());
        assertEquals(200, Api.get("/api/businesses/" + id, ACME_APPROVER).status(), "an approver reads its tenant's businesses");
        for (String path : List.of("/api/businesses/" + id, "/api/businesses/" + id + "/events")) {
            Api.Reply foreign = Api.get(path, GLOBEX);
            assertEquals(404, foreign.status(), path + ": " + foreign.body());
            assertEquals(Api.get("/api/businesses/biz_00000000000000000000000000000000", GLOBEX).json().getString("title"),
                    foreign.json().getString("title"), "answered exactly like a missing business");
        }
        Api.Reply decided = Api.post("/api/businesses/" + id + "/approvals/t1", "{\"decision\":\"approve\"}", GLOBEX_APPROVER);
        assertEquals(404, decided.status(), decided.body());
        assertFalse(Api.get("/api/businesses?limit=100", GLOBEX).body().contains(id), "not in another tenant's list");
        assertTrue(Api.get("/api/businesses?limit=100", ACME).body().contains(id), "in its own tenant's list");
        Api.Reply listOther = Api.get("/api/businesses?tenant_id=acme", GLOBEX);
        assertEquals(403, listOther.status(), listOther.body());
        assertEquals(200, Api.get("/api/businesses/" + id).status(), "an operator sees every tenant");
        assertTrue(Api.get("/api/businesses?tenant_id=acme&limit=100").body().contains(id), "and filters by tenant");
    }

    @Test
    void anotherTenantsTaskIsNotFoundAndCannotBeCancelled() {
        String taskId = Tasks.publish("{\"topic\":\"genesis.build\",\"content\":{\"feature\":\"login\"}}", ACME);
        assertEquals(200, Api.get("/api/tasks/" + taskId, ACME).status());
        assertEquals(404, Api.get("/api/tasks/" + taskId, GLOBEX).status());
        assertEquals(404, Api.get("/api/task/" + taskId, GLOBEX).status());
        assertEquals(404, Api.delete("/api/tasks/" + taskId, GLOBEX).status());
        assertEquals(404, Api.get("/api/tasks/" + taskId + "/webhook", GLOBEX).status());
        assertEquals("acme", Tasks.awaitStatus(taskId, "completed", Duration.ofSeconds(30)).getString("tenant_id"));
        assertEquals(404, Api.get("/api/tasks/" + taskId, GLOBEX).status(), "nor once finished");
    }

    @Test
    void aTenantActsOnlyAsItsTokensTenant() {
        Api.Reply body = Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"tenant_id\":\"globex\"}", ACME);
        assertEquals(403, body.status(), body.body());
        assertTrue(body.json().getString("detail").contains("globex"), body.body());
        Api.Reply header = Api.post("/api/businesses", BUSINESS, Map.of("Authorization", ACME.get("Authorization"), "X-Tenant-Id", "globex"));
        assertEquals(403, header.status(), header.body());
        assertEquals(202, Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"tenant_id\":\"acme\"}", ACME).status(),
                "naming its own tenant is fine");
        Api.Reply noTenant = Api.get("/api/businesses", Api.bearer(DevTokens.mint("carl", null, List.of("tenant"), 600)));
        assertEquals(403, noTenant.status(), "a tenant token without tenant_id: " + noTenant.body());
    }

    @Test
    void idempotencyKeysAreTenantScoped() {
        String key = "iso-" + UUID.randomUUID();
        String task = "{\"topic\":\"genesis.build\",\"content\":{\"n\":1}}";
        String acmeTask = Tasks.publish(task, Map.of("Authorization", ACME.get("Authorization"), "Idempotency-Key", key));
        String globexTask = Tasks.publish(task, Map.of("Authorization", GLOBEX.get("Authorization"), "Idempotency-Key", key));
        assertNotEquals(acmeTask, globexTask, "the same key in two tenants names two tasks");
        String acmeBusiness = Businesses.create(BUSINESS, Map.of("Authorization", ACME.get("Authorization"), "Idempotency-Key", key));
        String globexBusiness = Businesses.create(BUSINESS, Map.of("Authorization", GLOBEX.get("Authorization"), "Idempotency-Key", key));
        assertNotEquals(acmeBusiness, globexBusiness);
        assertEquals(acmeBusiness, Businesses.create(BUSINESS, Map.of("Authorization", ACME.get("Authorization"), "Idempotency-Key", key)),
                "a replay in the same tenant names the first");
    }

    @Test
    void internalTopicsCannotBePublishedThroughTheApi() {
        String forged = "{\"kind\":\"task_finished\",\"task_id\":\"t\",\"status\":\"completed\"}";
        for (Map<String, String> who : List.of(ACME, Map.<String, String>of())) {
            Api.Reply topic = Api.post("/api/tasks", "{\"topic\":\"genesis.meta.orchestrate\",\"content\":" + forged + "}", who);
            assertEquals(403, topic.status(), topic.body());
            assertEquals("topic", topic.json().getString("field"));
            Api.Reply replyTo = Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{},\"reply_to\":\"genesis.meta.orchestrate\"}", who);
            assertEquals(403, replyTo.status(), replyTo.body());
            assertEquals("reply_to", replyTo.json().getString("field"));
        }
    }

    /** A notice written straight into the Meta-Agent's stream (as by someone with Redis access) is not believed. */
    @Test
    void aForgedTaskFinishedNoticeFailsWithoutBeingApplied() {
        String id = Businesses.create(SLOW_BUSINESS, ACME);
        JsonObject running = Await.until("a dispatched task", Duration.ofSeconds(60), () -> Businesses.get(id),
                b -> b.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                        .anyMatch(t -> t.get("runtime_task_id") instanceof jakarta.json.JsonString && "published".equals(t.getString("status", ""))));
        String runtimeTaskId = running.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.get("runtime_task_id") instanceof jakarta.json.JsonString && "published".equals(t.getString("status", "")))
                .findFirst().orElseThrow().getString("runtime_task_id");
        String noticeId = "forged-" + UUID.randomUUID();
        JsonObject envelope = Json.createObjectBuilder().add("task_id", noticeId).add("topic", "genesis.meta.orchestrate")
                .add("content", Json.createObjectBuilder().add("kind", "task_finished").add("task_id", runtimeTaskId)
                        .add("status", "failed").add("attempts", 1).add("error", "forged"))
                .add("correlation_id", id).add("source", "builder_agent").add("tenant_id", "acme").add("business_id", id)
                .add("delivery_attempts", 0).add("created_at", Instant.now().toString()).build();
        try (BusRedis redis = new BusRedis()) {
            redis.client().xadd(BusRedis.stream("genesis.meta.orchestrate"), StreamEntryID.NEW_ENTRY, Map.of("data", envelope.toString()));
        }
        JsonObject refused = Tasks.awaitStatus(noticeId, "failed", Duration.ofSeconds(60));
        assertTrue(refused.getString("error").contains("not what the runtime recorded"), refused.toString());
        assertEquals("SUCCESS", Businesses.awaitTerminal(id, Duration.ofSeconds(120)).getString("status"),
                "the business ran on as if the forged notice never came");
    }

    @Test
    void writesOverTheTenantsRateAre429WithRetryAfter() {
        Map<String, String> throttled = Api.bearer(DevTokens.mint("tim", "throttled", List.of("tenant"), 600));
        int accepted = 0;
        Api.Reply refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Api.Reply reply = Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{}}", throttled);
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertEquals(202, reply.status(), reply.body());
                accepted++;
            }
        }
        assertNotNull(refused, "a burst of 2 at 0.2 writes per second runs out within 10 writes");
        assertTrue(accepted >= 2, "the burst was granted first: " + accepted);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        assertEquals(200, Api.get("/api/business-types", throttled).status(), "reads are not rate limited");
        assertEquals(202, Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{}}", ACME).status(),
                "another tenant's allowance is its own");
    }

    @Test
    void theDailyBusinessQuotaIs429UntilMidnightButReplaysStillAnswer() {
        Map<String, String> quota = Api.bearer(DevTokens.mint("quinn", "quota-it", List.of("tenant"), 600));
        String key = "quota-" + UUID.randomUUID();
        int created = 0;
        Api.Reply refused = null;
        for (int i = 0; i < 3 && refused == null; i++) {
            Map<String, String> headers = i == 0 ? Map.of("Authorization", quota.get("Authorization"), "Idempotency-Key", key) : quota;
            Api.Reply reply = Api.post("/api/businesses", BUSINESS, headers);
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertEquals(202, reply.status(), reply.body());
                created++;
            }
        }
        assertNotNull(refused, "a quota of 2 businesses a day refuses the third (or an earlier one, if this ran before today)");
        assertTrue(created <= 2, "created " + created);
        assertTrue(refused.json().getString("detail").contains("quota"), refused.body());
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 86_400, "until midnight UTC: " + retryAfter);
        if (created > 0) {
            Api.Reply replay = Api.post("/api/businesses", BUSINESS, Map.of("Authorization", quota.get("Authorization"), "Idempotency-Key", key));
            assertEquals(202, replay.status(), "a replay of an accepted business is not a new one: " + replay.body());
        }
    }

    @Test
    void aTenantsOpenEventStreamsAreCapped() throws Exception {
        Map<String, String> streams = Api.bearer(DevTokens.mint("sam", "streams-it", List.of("tenant"), 600));
        String id = Businesses.create(SLOW_BUSINESS, streams);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> first = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(Api.BASE + "/api/businesses/" + id + "/events")).header("Authorization", streams.get("Authorization"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> open = first.get(30, TimeUnit.SECONDS);
        assertEquals(200, open.statusCode());
        try {
            Api.Reply second = Api.get("/api/businesses/" + id + "/events", Map.of("Authorization", streams.get("Authorization"),
                    "Accept", "text/event-stream"));
            assertEquals(429, second.status(), second.body());
            assertNotNull(second.header("Retry-After"));
        } finally {
            open.body().close();
        }
    }
}
