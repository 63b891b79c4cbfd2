package io.genesis.results;

import io.genesis.api.JsonConventions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes result rows (the JSON form produced by the runtime) into {@code omnidaemon_task_results} in one JDBC
 * batch per call. {@code ON CONFLICT DO NOTHING}: a row already written for a task id is never duplicated.
 */
@ApplicationScoped
public class TaskResultWriter {

    private static final String INSERT = """
            INSERT INTO omnidaemon_task_results (task_id, topic, agent_id, tenant_id, business_id, correlation_id,
                causation_id, source, status, attempts, duration_seconds, cost_cents, quality_score, input, output, error,
                traceparent, worker_id, created_at, completed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::timestamptz, ?::timestamptz)
            ON CONFLICT (task_id) DO NOTHING""";

    @Resource(lookup = "jdbc/genesis")
    DataSource dataSource;

    /** Inserts every row, all or nothing. */
    public void writeAll(List<String> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (String row : rows) {
                    bind(insert, parse(row));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** True when the failure is the database being unreachable (retry later), not a bad row. */
    public static boolean unavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject parse(String row) {
        try (var reader = JsonConventions.json().createReader(new StringReader(row))) {
            return reader.readObject();
        }
    }

    private static void bind(PreparedStatement insert, JsonObject row) throws SQLException {
        insert.setString(1, row.getString("task_id"));
        insert.setString(2, row.getString("topic"));
        insert.setString(3, row.getString("agent_id"));
        insert.setString(4, row.getString("tenant_id", "default"));
        insert.setString(5, row.getString("business_id", null));
        insert.setString(6, row.getString("correlation_id"));
        insert.setString(7, row.getString("causation_id", null));
        insert.setString(8, row.getString("source", null));
        insert.setString(9, row.getString("status"));
        insert.setInt(10, row.getInt("attempts"));
        insert.setDouble(11, row.getJsonNumber("duration_seconds").doubleValue());
        insert.setBigDecimal(12, row.getJsonNumber("cost_cents").bigDecimalValue());
        JsonValue quality = row.get("quality_score");
        if (quality instanceof JsonNumber number) {
            insert.setDouble(13, number.doubleValue());
        } else {
            insert.setNull(13, Types.DOUBLE);
        }
        insert.setString(14, json(row.get("input")));
        insert.setString(15, json(row.get("output")));
        insert.setString(16, row.getString("error", null));
        insert.setString(17, row.getString("traceparent", null));
        insert.setString(18, row.getString("worker_id", null));
        insert.setString(19, row.getString("created_at"));
        insert.setString(20, row.getString("completed_at"));
    }

    private static String json(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }
}
