package io.genesis.businesses.store;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.DagTaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Column lists of {@code businesses} and {@code business_tasks} and the row mappers that read them, in one place. */
final class Rows {

    static final String BUSINESS_COLUMNS = """
            business_id, tenant_id, business_type, status, autonomous, idempotency_key, request::text, requirements::text,
            team_composition::text, deployment_url, error_message, execution_time_seconds, metadata::text,
            revenue_projection::text, created_at, updated_at, completed_at""";
    static final String TASK_COLUMNS = """
            business_id, task_id, runtime_task_id, position, task_type, description, agent_id, depends_on::text, critical,
            status, difficulty, model_tier, estimated_cost, safety_score, quality_score, attempts, result::text, error,
            metadata::text, published_at, completed_at, model""";

    private Rows() {
    }

    static BusinessRecord business(ResultSet rows) throws SQLException {
        return new BusinessRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                BusinessStatus.valueOf(rows.getString(4)), rows.getBoolean(5), rows.getString(6),
                JsonConventions.readObject(rows.getString(7)), JsonConventions.readObject(rows.getString(8)),
                JsonConventions.readObject(rows.getString(9)), rows.getString(10), rows.getString(11), nullableDouble(rows, 12),
                JsonConventions.readObject(rows.getString(13)), JsonConventions.readObject(rows.getString(14)),
                instant(rows.getTimestamp(15)), instant(rows.getTimestamp(16)), instant(rows.getTimestamp(17)));
    }

    static BusinessTask task(ResultSet rows) throws SQLException {
        return new BusinessTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                rows.getString(6), rows.getString(7), JsonConventions.strings(JsonConventions.read(rows.getString(8))),
                rows.getBoolean(9), DagTaskStatus.fromSql(rows.getString(10)), nullableDouble(rows, 11), rows.getString(12),
                nullableDouble(rows, 13), nullableDouble(rows, 14), nullableDouble(rows, 15), rows.getInt(16),
                JsonConventions.read(rows.getString(17)), rows.getString(18), JsonConventions.readObject(rows.getString(19)),
                instant(rows.getTimestamp(20)), instant(rows.getTimestamp(21)), rows.getString(22));
    }

    /** Replaces the task rows (and approvals) of a business by a new plan's. */
    /** The business's task rows in plan order, as {@code connection} sees them. */
    static List<BusinessTask> tasks(Connection connection, String businessId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + TASK_COLUMNS + " FROM business_tasks WHERE business_id = ? ORDER BY position")) {
            select.setString(1, businessId);
            List<BusinessTask> tasks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tasks.add(task(rows));
                }
            }
            return tasks;
        }
    }

    static void replaceTasks(Connection connection, String businessId, List<BusinessTask> tasks) throws SQLException {
        try (PreparedStatement approvals = connection.prepareStatement("DELETE FROM business_approvals WHERE business_id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM business_tasks WHERE business_id = ?");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO business_tasks (business_id, task_id, runtime_task_id, position, task_type, description,
                         agent_id, depends_on, critical, status, difficulty, model_tier, estimated_cost, safety_score, metadata)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            approvals.setString(1, businessId);
            approvals.executeUpdate();
            delete.setString(1, businessId);
            delete.executeUpdate();
            for (BusinessTask task : tasks) {
                insert.setString(1, businessId);
                insert.setString(2, task.taskId());
                insert.setString(3, task.runtimeTaskId());
                insert.setInt(4, task.position());
                insert.setString(5, task.taskType());
                insert.setString(6, task.description());
                insert.setString(7, task.agentId());
                insert.setString(8, JsonConventions.array(task.dependsOn()).toString());
                insert.setBoolean(9, task.critical());
                insert.setString(10, task.status().sql());
                Rows.setDouble(insert, 11, task.difficulty());
                insert.setString(12, task.modelTier());
                Rows.setDouble(insert, 13, task.estimatedCost());
                Rows.setDouble(insert, 14, task.safetyScore());
                insert.setString(15, task.metadata() == null ? "{}" : task.metadata().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Double nullableDouble(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
