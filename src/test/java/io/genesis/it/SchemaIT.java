package io.genesis.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema as a reporting tool sees it: migrated by the app, commented, and answering the seed queries. */
class SchemaIT {

    private static List<String> seedQueries;

    @BeforeAll
    static void migratedByTheApplication() throws IOException {
        Await.ready();
        String text = Files.readString(Path.of("sql/seed-queries.sql"));
        seedQueries = Arrays.stream(text.split(";"))
                .map(statement -> statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim())
                .filter(statement -> !statement.isEmpty())
                .toList();
        assertEquals(2, seedQueries.size(), "sql/seed-queries.sql holds the two seed queries");
    }

    @Test
    void agentPerformanceSeedQueryRunsVerbatimAndGivesTrueAnswers() throws SQLException {
        String agent = "schema_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = Database.connect()) {
            insertTaskResult(db, agent, "success", 2.0, new BigDecimal("150"), 0.9, "1 hour");
            insertTaskResult(db, agent, "success", 4.0, new BigDecimal("100"), 0.7, "2 days");
            insertTaskResult(db, agent, "failed", 9.0, new BigDecimal("999"), 0.1, "1 hour");
            insertTaskResult(db, agent, "success", 9.0, new BigDecimal("999"), 0.1, "8 days");
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(seedQueries.get(0))) {
                boolean found = false;
                while (rows.next()) {
                    if (rows.getString("agent_id").equals(agent)) {
                        found = true;
                        assertEquals(2, rows.getLong("tasks_completed"), "only successes of the last 7 days");
                        assertEquals(3.0, rows.getDouble("avg_duration"), 1e-9);
                        assertEquals(0, new BigDecimal("2.5").compareTo(rows.getBigDecimal("total_cost")),
                                "250 cents are $2.50, not truncated to 2");
                        assertEquals(0.8, rows.getDouble("avg_quality"), 1e-9);
                    }
                }
                assertTrue(found, "agent row present");
            }
        }
    }

    @Test
    void vendorSpendSeedQueryRunsVerbatimAndGivesTrueAnswers() throws SQLException {
        String vendor = "https://vendor-" + UUID.randomUUID() + ".example/api";
        try (Connection db = Database.connect()) {
            insertPayment(db, vendor, new BigDecimal("99999999.50"));
            insertPayment(db, vendor, new BigDecimal("99999999.50"));
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(seedQueries.get(1))) {
                assertTrue(rows.next());
                assertEquals(vendor, rows.getString("vendor_url"), "largest spender first");
                assertEquals(2, rows.getLong("api_calls"));
                assertEquals(0, new BigDecimal("1999999.99").compareTo(rows.getBigDecimal("total_spent")));
            }
        }
    }

    @Test
    void everyTableAndColumnIsCommented() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("""
                     SELECT c.table_name, c.column_name,
                            obj_description(('public.' || c.table_name)::regclass, 'pg_class') AS table_comment,
                            col_description(('public.' || c.table_name)::regclass, c.ordinal_position) AS column_comment
                     FROM information_schema.columns c
                     JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
                     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                       AND c.table_name <> 'flyway_schema_history'""")) {
            while (rows.next()) {
                if (rows.getString("table_comment") == null) {
                    missing.add(rows.getString("table_name"));
                }
                if (rows.getString("column_comment") == null) {
                    missing.add(rows.getString("table_name") + "." + rows.getString("column_name"));
                }
            }
        }
        assertEquals(List.of(), missing, "tables/columns without COMMENT ON");
    }

    private static void insertTaskResult(Connection db, String agent, String status, double duration, BigDecimal cents,
                                         double quality, String age) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO omnidaemon_task_results (task_id, topic, agent_id, correlation_id, status, attempts,
                    duration_seconds, cost_cents, quality_score, created_at, completed_at)
                VALUES (?, 'genesis.build', ?, ?, ?, 1, ?, ?, ?, now() - ?::interval, now())""")) {
            String id = UUID.randomUUID().toString();
            insert.setString(1, id);
            insert.setString(2, agent);
            insert.setString(3, id);
            insert.setString(4, status);
            insert.setDouble(5, duration);
            insert.setBigDecimal(6, cents);
            insert.setDouble(7, quality);
            insert.setString(8, age);
            insert.executeUpdate();
        }
    }

    private static void insertPayment(Connection db, String vendor, BigDecimal cents) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO x402_payments (id, idempotency_key, agent_id, vendor_url, network, asset, pay_to,
                    amount_atomic, cost_cents, status, simulated)
                VALUES (?, ?, 'builder_agent', ?, 'eip155:84532', '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
                    '0x209693Bc6afc0C5328bA36FaF03C514EF312287C', ?, ?, 'CAPTURED', TRUE)""")) {
            String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setString(3, vendor);
            insert.setBigDecimal(4, cents.movePointRight(4));
            insert.setBigDecimal(5, cents);
            insert.executeUpdate();
        }
    }
}
