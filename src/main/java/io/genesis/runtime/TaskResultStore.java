package io.genesis.runtime;

import io.genesis.health.DatabaseOutages;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code omnidaemon_task_results} over JDBC: rows written in one batch per call ({@code ON CONFLICT DO NOTHING}, so a
 * task id never gets a second row) and read back by task id.
 */
@ApplicationScoped
public class TaskResultStore {

    private static final String COLUMNS = """
            task_id, topic, agent_id, tenant_id, business_id, correlation_id, causation_id, source, status, attempts,
            duration_seconds, cost_cents, quality_score, input, output, error, traceparent, worker_id, created_at, completed_at,
            model, model_tier""";
    private static final String INSERT = "INSERT INTO omnidaemon_task_results (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?, ?)
            ON CONFLICT (task_id) DO NOTHING""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM omnidaemon_task_results WHERE task_id = ?";

    /** The database refused a row (a constraint): retrying will not help. */
    public static final class Refused extends RuntimeException {
        Refused(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** Inserts every row, all or nothing. */
    public void writeAll(List<TaskResultRow> rows) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (TaskResultRow row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (DatabaseOutages.isOutage(e)) {
                throw new IllegalStateException("task results not written, PostgreSQL unreachable: " + e.getMessage(), e);
            }
            throw new Refused(e);
        }
    }

    public Optional<TaskResultRow> find(String taskId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, taskId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading task result " + taskId, e);
        }
    }

    private static void bind(PreparedStatement insert, TaskResultRow row) throws SQLException {
        insert.setString(1, row.taskId());
        insert.setString(2, row.topic());
        insert.setString(3, row.agentId());
        insert.setString(4, row.tenantId());
        insert.setString(5, row.businessId());
        insert.setString(6, row.correlationId());
        insert.setString(7, row.causationId());
        insert.setString(8, row.source());
        insert.setString(9, row.status().sqlStatus());
        insert.setInt(10, row.attempts());
        insert.setDouble(11, row.durationSeconds());
        insert.setBigDecimal(12, row.costCents());
        if (row.qualityScore() == null) {
            insert.setNull(13, Types.DOUBLE);
        } else {
            insert.setDouble(13, row.qualityScore());
        }
        insert.setString(14, row.input());
        insert.setString(15, row.output());
        insert.setString(16, row.error());
        insert.setString(17, row.traceparent());
        insert.setString(18, row.workerId());
        insert.setString(19, row.createdAt());
        insert.setString(20, row.completedAt());
        insert.setString(21, row.model());
        insert.setString(22, row.modelTier());
    }

    private static TaskResultRow read(ResultSet rs) throws SQLException {
        double quality = rs.getDouble("quality_score");
        Double qualityScore = rs.wasNull() ? null : quality;
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new TaskResultRow(rs.getString("task_id"), rs.getString("topic"), rs.getString("agent_id"),
                rs.getString("tenant_id"), rs.getString("business_id"), rs.getString("correlation_id"),
                rs.getString("causation_id"), rs.getString("source"), TaskStatus.fromSql(rs.getString("status")),
                rs.getInt("attempts"), rs.getDouble("duration_seconds"), rs.getBigDecimal("cost_cents"), qualityScore,
                rs.getString("input"), rs.getString("output"), rs.getString("error"), rs.getString("traceparent"),
                rs.getString("worker_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant().toString(),
                completed == null ? null : completed.toInstant().toString(), rs.getString("model"), rs.getString("model_tier"));
    }
}
