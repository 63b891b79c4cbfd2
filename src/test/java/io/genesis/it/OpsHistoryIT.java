package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/ops/history} and {@code /api/ops/agents} over task results written straight into PostgreSQL for a
 * tenant of this test's own, so the expected figures are exact whatever other tests ran.
 */
class OpsHistoryIT {

    private static final String TENANT = "ops-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = "ops-it-other-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TOKEN = DevTokens.mint("ops-viewer", TENANT, List.of("tenant"), 600);
    private static final String OPERATOR = DevTokens.mint("ops-operator", null, List.of("operator"), 600);

    @BeforeAll
    static void finishedTasks() throws SQLException {
        Await.ready();
        try (Connection db = Database.connect()) {
            insert(db, TENANT, "builder_agent", "success", 1.0, 0.8, "30 seconds");
            insert(db, TENANT, "builder_agent", "success", 2.0, 0.6, "30 seconds");
            insert(db, TENANT, "builder_agent", "success", 10.0, null, "30 seconds");
            insert(db, TENANT, "builder_agent", "failed", 3.0, null, "30 seconds");
            insert(db, TENANT, "builder_agent", "dead_lettered", 3.0, null, "30 seconds");
            insert(db, TENANT, "builder_agent", "cancelled", 0.0, null, "30 seconds");
            insert(db, TENANT, "qa_agent", "success", 4.0, 0.9, "2 hours");
            insert(db, OTHER, "builder_agent", "success", 5.0, 0.1, "30 seconds");
        }
    }

    private static void insert(Connection db, String tenant, String agent, String status, double seconds, Double quality,
                               String ago) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO omnidaemon_task_results (task_id, topic, agent_id, tenant_id, correlation_id, status, attempts,
                    duration_seconds, cost_cents, quality_score, created_at, completed_at)
                VALUES (?, 'genesis.test', ?, ?, ?, ?, 1, ?, 5, ?, now() - ?::interval - interval '5 seconds', now() - ?::interval)""")) {
            String id = "ops-it-" + UUID.randomUUID();
            insert.setString(1, id);
            insert.setString(2, agent);
            insert.setString(3, tenant);
            insert.setString(4, id);
            insert.setString(5, status);
            insert.setDouble(6, seconds);
            if (quality == null) {
                insert.setNull(7, java.sql.Types.DOUBLE);
            } else {
                insert.setDouble(7, quality);
            }
            insert.setString(8, ago);
            insert.setString(9, ago);
            insert.executeUpdate();
        }
    }

    private static JsonObject get(String path, String token) {
        Api.Reply reply = Api.get(path, Api.bearer(token));
        assertEquals(200, reply.status(), path + ": " + reply.body());
        return reply.json();
    }

    @Test
    void theHistoryCountsTheTenantsFinishedTasksPerBucket() {
        JsonObject hour = get("/api/ops/history?window=hour", TOKEN);
        assertEquals("hour", hour.getString("window"));
        assertEquals(60, hour.getInt("bucket_seconds"));
        assertEquals(60, hour.getJsonArray("buckets").size(), "every minute, empty ones too");
        assertEquals(TENANT, hour.getString("tenant_id"));
        JsonObject totals = hour.getJsonObject("totals");
        assertEquals(6, totals.getInt("published"));
        assertEquals(3, totals.getInt("processed"));
        assertEquals(2, totals.getInt("failed"), "failed and dead-lettered");
        assertEquals(1, totals.getInt("cancelled"));
        assertEquals(0.4, totals.getJsonNumber("failure_rate").doubleValue(), 1e-9);
        long inBuckets = hour.getJsonArray("buckets").stream().map(JsonValue::asJsonObject).mapToLong(b -> b.getInt("processed")).sum();
        assertEquals(3, inBuckets);

        JsonObject day = get("/api/ops/history?window=day", TOKEN);
        assertEquals(96, day.getJsonArray("buckets").size());
        assertEquals(4, day.getJsonObject("totals").getInt("processed"), "the qa task of two hours ago is in the day");
        assertEquals(84, get("/api/ops/history?window=week", TOKEN).getJsonArray("buckets").size());

        assertEquals(3, get("/api/ops/history?window=day&agent=builder_agent", TOKEN).getJsonObject("totals").getInt("processed"));
        assertEquals(0, get("/api/ops/history?agent=qa_agent", TOKEN).getJsonObject("totals").getInt("processed"));
        assertEquals(1, get("/api/ops/history?tenant_id=" + OTHER, OPERATOR).getJsonObject("totals").getInt("processed"),
                "an operator names the tenant");
    }

    @Test
    void perAgentFiguresOverTheWindow() {
        JsonObject builder = agent(get("/api/ops/agents?window=hour", TOKEN), "builder_agent");
        assertEquals(3, builder.getInt("processed"));
        assertEquals(2, builder.getInt("failed"));
        assertEquals(1, builder.getInt("cancelled"));
        assertEquals(2.0, builder.getJsonNumber("p50_seconds").doubleValue(), 1e-9, "median of 1, 2 and 10 s");
        assertEquals(9.2, builder.getJsonNumber("p95_seconds").doubleValue(), 1e-9, "2 + 0.9 * (10 - 2), interpolated");
        assertEquals(0.7, builder.getJsonNumber("quality").doubleValue(), 1e-9, "the two graded tasks");
        assertEquals(2, builder.getInt("graded"));
        assertEquals(0, new BigDecimal("30").compareTo(builder.getJsonNumber("cost_cents").bigDecimalValue()));
        assertFalse(builder.containsKey("in_flight"), "the bus is every tenant's: in-flight counts are for operators");

        JsonObject qa = agent(get("/api/ops/agents?window=hour", TOKEN), "qa_agent");
        assertEquals(0, qa.getInt("processed"), "listed with zeros");
        assertFalse(qa.containsKey("p50_seconds"));
        assertEquals(1, agent(get("/api/ops/agents?window=day", TOKEN), "qa_agent").getInt("processed"));

        JsonObject asOperator = agent(get("/api/ops/agents?tenant_id=" + TENANT, OPERATOR), "builder_agent");
        assertEquals(3, asOperator.getInt("processed"));
        assertTrue(asOperator.getJsonNumber("in_flight").longValue() >= 0, asOperator.toString());
    }

    @Test
    void badWindowsAgentsAndTenantsAreRefused() {
        assertEquals("window", Problems.of(Api.get("/api/ops/history?window=month", Api.bearer(TOKEN)), 400).getString("field"));
        assertEquals("window", Problems.of(Api.get("/api/ops/agents?window=", Api.bearer(TOKEN)), 400).getString("field"),
                "an empty window= is a mistake, not the default");
        assertEquals("agent", Problems.of(Api.get("/api/ops/history?agent=ghost_agent", Api.bearer(TOKEN)), 400).getString("field"));
        Problems.of(Api.get("/api/ops/history?tenant_id=" + OTHER, Api.bearer(TOKEN)), 403);
        assertEquals(401, Api.get("/api/ops/history", Api.anonymous()).status());
    }

    private static JsonObject agent(JsonObject stats, String name) {
        return stats.getJsonArray("agents").stream().map(JsonValue::asJsonObject).filter(a -> a.getString("agent").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " missing in " + stats));
    }
}
