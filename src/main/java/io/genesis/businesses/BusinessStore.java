package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Businesses, their transitions and task DAGs in PostgreSQL (plain JDBC). Changes that must hold together go through
 * {@link #inTransaction}, which locks the business row so concurrent task notices of one business are serialised.
 */
@ApplicationScoped
public class BusinessStore {

    private static final String BUSINESS_COLUMNS = """
            business_id, tenant_id, business_type, status, autonomous, idempotency_key, request::text, requirements::text,
            team_composition::text, deployment_url, error_message, execution_time_seconds, metadata::text,
            revenue_projection::text, created_at, updated_at, completed_at""";
    private static final String TASK_COLUMNS = """
            business_id, task_id, runtime_task_id, position, task_type, description, agent_id, depends_on::text, critical,
            status, difficulty, model_tier, estimated_cost, safety_score, quality_score, attempts, result::text, error,
            metadata::text, published_at, completed_at""";

    @Resource(lookup = "jdbc/genesis")
    DataSource dataSource;

    /** Work inside one database transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Changes changes) throws SQLException;
    }

    /** Filters of {@code GET /api/businesses}. */
    public record Filter(String tenantId, String businessType, BusinessStatus status, int limit, int offset) {
    }

    /** Inserts a new business (status INITIALIZING) unless its tenant already used the idempotency key. */
    public record Created(BusinessRecord business, boolean created) {
    }

    public Created create(String businessId, String tenantId, String businessType, boolean autonomous, String idempotencyKey,
                          JsonObject request) throws SQLException {
        return inTransaction(changes -> {
            try (PreparedStatement insert = changes.connection.prepareStatement("""
                    INSERT INTO businesses (business_id, tenant_id, business_type, status, autonomous, idempotency_key, request)
                    VALUES (?, ?, ?, 'INITIALIZING', ?, ?, ?::jsonb)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""")) {
                insert.setString(1, businessId);
                insert.setString(2, tenantId);
                insert.setString(3, businessType);
                insert.setBoolean(4, autonomous);
                insert.setString(5, idempotencyKey);
                insert.setString(6, request.toString());
                if (insert.executeUpdate() == 0) {
                    return new Created(changes.byIdempotencyKey(tenantId, idempotencyKey).orElseThrow(), false);
                }
            }
            changes.record(businessId, BusinessStatus.INITIALIZING, "business creation requested");
            return new Created(changes.lock(businessId), true);
        });
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Changes(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public Optional<BusinessRecord> find(String businessId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + BUSINESS_COLUMNS + " FROM businesses WHERE business_id = ?")) {
            select.setString(1, businessId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(business(rows)) : Optional.empty();
            }
        }
    }

    public List<BusinessRecord> list(Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + BUSINESS_COLUMNS + " FROM businesses WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (filter.tenantId() != null) {
            sql.append(" AND tenant_id = ?");
            args.add(filter.tenantId());
        }
        if (filter.businessType() != null) {
            sql.append(" AND business_type = ?");
            args.add(filter.businessType());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        sql.append(" ORDER BY created_at DESC, business_id LIMIT ? OFFSET ?");
        args.add(filter.limit());
        args.add(filter.offset());
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<BusinessRecord> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(business(rows));
                }
            }
            return page;
        }
    }

    public List<Transition> transitions(String businessId, long afterId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, state, at, reason FROM business_transitions WHERE business_id = ? AND id > ? ORDER BY id")) {
            select.setString(1, businessId);
            select.setLong(2, afterId);
            List<Transition> transitions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    transitions.add(new Transition(rows.getLong(1), BusinessStatus.valueOf(rows.getString(2)),
                            rows.getTimestamp(3).toInstant(), rows.getString(4)));
                }
            }
            return transitions;
        }
    }

    public List<BusinessTask> tasks(String businessId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new Changes(connection).tasks(businessId);
        }
    }

    /** The statements available inside a transaction. */
    public static final class Changes {

        private final Connection connection;

        private Changes(Connection connection) {
            this.connection = connection;
        }

        /** Locks the business row for the rest of the transaction and returns it. */
        public BusinessRecord lock(String businessId) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + BUSINESS_COLUMNS + " FROM businesses WHERE business_id = ? FOR UPDATE")) {
                select.setString(1, businessId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new SQLException("no business " + businessId, "02000");
                    }
                    return business(rows);
                }
            }
        }

        Optional<BusinessRecord> byIdempotencyKey(String tenantId, String key) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + BUSINESS_COLUMNS + " FROM businesses WHERE tenant_id = ? AND idempotency_key = ?")) {
                select.setString(1, tenantId);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(business(rows)) : Optional.empty();
                }
            }
        }

        /** Enters a lifecycle state: updates the business and appends the transition. */
        public void record(String businessId, BusinessStatus state, String reason) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE businesses SET status = ?, updated_at = now(),
                        completed_at = CASE WHEN ? THEN now() ELSE completed_at END,
                        execution_time_seconds = CASE WHEN ? THEN EXTRACT(EPOCH FROM (now() - created_at)) ELSE execution_time_seconds END
                    WHERE business_id = ?""");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO business_transitions (business_id, state, reason) VALUES (?, ?, ?)")) {
                update.setString(1, state.name());
                update.setBoolean(2, state.terminal());
                update.setBoolean(3, state.terminal());
                update.setString(4, businessId);
                update.executeUpdate();
                insert.setString(1, businessId);
                insert.setString(2, state.name());
                insert.setString(3, reason);
                insert.executeUpdate();
            }
        }

        /** Sets one JSON column of the business (requirements, team_composition, metadata, revenue_projection). */
        public void setJson(String businessId, String column, JsonObject value) throws SQLException {
            if (!List.of("requirements", "team_composition", "metadata", "revenue_projection").contains(column)) {
                throw new IllegalArgumentException(column);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE businesses SET " + column + " = ?::jsonb, updated_at = now() WHERE business_id = ?")) {
                update.setString(1, value.toString());
                update.setString(2, businessId);
                update.executeUpdate();
            }
        }

        public void setOutcome(String businessId, String deploymentUrl, String errorMessage) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE businesses SET deployment_url = ?, error_message = ?, updated_at = now() WHERE business_id = ?")) {
                update.setString(1, deploymentUrl);
                update.setString(2, errorMessage);
                update.setString(3, businessId);
                update.executeUpdate();
            }
        }

        /** Replaces the plan of a business that is still being planned (a redelivered create message). */
        public void replaceTasks(String businessId, List<BusinessTask> tasks) throws SQLException {
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
                    setDouble(insert, 11, task.difficulty());
                    insert.setString(12, task.modelTier());
                    setDouble(insert, 13, task.estimatedCost());
                    setDouble(insert, 14, task.safetyScore());
                    insert.setString(15, task.metadata() == null ? "{}" : task.metadata().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        public List<BusinessTask> tasks(String businessId) throws SQLException {
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

        public void setStatus(String businessId, String taskId, DagTaskStatus status) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE business_tasks SET status = ?, updated_at = now() WHERE business_id = ? AND task_id = ?")) {
                update.setString(1, status.sql());
                update.setString(2, businessId);
                update.setString(3, taskId);
                update.executeUpdate();
            }
        }

        /**
         * Marks a ready task as handed to the runtime. Only a task still {@code ready} changes: a concurrent advance may
         * publish the same task again (idempotently) after its outcome arrived, and must not turn it back.
         */
        public void markPublished(String businessId, String taskId) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE business_tasks SET status = 'published', published_at = now(), updated_at = now()
                    WHERE business_id = ? AND task_id = ? AND status = 'ready'""")) {
                update.setString(1, businessId);
                update.setString(2, taskId);
                update.executeUpdate();
            }
        }

        /** Records the outcome of a task that ran on the runtime. */
        public void finish(String businessId, String taskId, DagTaskStatus status, int attempts, String resultJson, String error,
                           Double qualityScore) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE business_tasks SET status = ?, attempts = ?, result = ?::jsonb, error = ?, quality_score = ?,
                        completed_at = now(), updated_at = now()
                    WHERE business_id = ? AND task_id = ?""")) {
                update.setString(1, status.sql());
                update.setInt(2, attempts);
                update.setString(3, resultJson);
                update.setString(4, error);
                setDouble(update, 5, qualityScore);
                update.setString(6, businessId);
                update.setString(7, taskId);
                update.executeUpdate();
            }
        }

        public void requestApproval(String businessId, String taskId, String reason) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO business_approvals (business_id, task_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, businessId);
                insert.setString(2, taskId);
                insert.setString(3, reason);
                insert.executeUpdate();
            }
        }

        /** Decides a pending approval; false when there is none pending for that task. */
        public boolean decideApproval(String businessId, String taskId, boolean approved, String decidedBy, String comment)
                throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE business_approvals SET status = ?, decided_by = ?, comment = ?, decided_at = now()
                    WHERE business_id = ? AND task_id = ? AND status = 'pending'""")) {
                update.setString(1, approved ? "approved" : "rejected");
                update.setString(2, decidedBy);
                update.setString(3, comment);
                update.setString(4, businessId);
                update.setString(5, taskId);
                return update.executeUpdate() == 1;
            }
        }

        private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.DOUBLE);
            } else {
                statement.setDouble(index, value);
            }
        }
    }

    private static BusinessRecord business(ResultSet rows) throws SQLException {
        Double execution = nullableDouble(rows, 12);
        return new BusinessRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                BusinessStatus.valueOf(rows.getString(4)), rows.getBoolean(5), rows.getString(6),
                JsonConventions.readObject(rows.getString(7)), JsonConventions.readObject(rows.getString(8)), JsonConventions.readObject(rows.getString(9)),
                rows.getString(10), rows.getString(11), execution, JsonConventions.readObject(rows.getString(13)),
                JsonConventions.readObject(rows.getString(14)), instant(rows.getTimestamp(15)), instant(rows.getTimestamp(16)),
                instant(rows.getTimestamp(17)));
    }

    private static BusinessTask task(ResultSet rows) throws SQLException {
        return new BusinessTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getString(5),
                rows.getString(6), rows.getString(7), JsonConventions.strings(JsonConventions.read(rows.getString(8))), rows.getBoolean(9),
                DagTaskStatus.fromSql(rows.getString(10)), nullableDouble(rows, 11), rows.getString(12),
                nullableDouble(rows, 13), nullableDouble(rows, 14), nullableDouble(rows, 15), rows.getInt(16),
                JsonConventions.read(rows.getString(17)), rows.getString(18), JsonConventions.readObject(rows.getString(19)),
                instant(rows.getTimestamp(20)), instant(rows.getTimestamp(21)));
    }

    private static Double nullableDouble(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
