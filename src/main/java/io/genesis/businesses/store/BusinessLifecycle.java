package io.genesis.businesses.store;

import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.DagTaskStatus;
import io.genesis.businesses.IllegalTransition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One business, locked for the rest of a transaction, changed only through intents. Every status move is guarded: it
 * must be allowed by {@link BusinessStatus#next()} ({@link IllegalTransition} otherwise, before anything is written) and
 * the update applies only while the row still has the status the move starts from. Task status changes are conditional
 * on the statuses they leave, so a late or duplicate message never turns a task back. It is longer than 300 lines because
 * it is the one place every guarded intent of the business aggregate lives (planning, execution, budget waits, endings).
 */
public final class BusinessLifecycle {

    private static final Set<DagTaskStatus> OPEN = EnumSet.of(DagTaskStatus.PENDING, DagTaskStatus.READY,
            DagTaskStatus.AWAITING_APPROVAL);

    private final Connection connection;
    private final BusinessRecord locked;
    private BusinessStatus status;
    /** Whether this transaction changed a row: only then are the event streams told. */
    private boolean wrote;

    private BusinessLifecycle(Connection connection, BusinessRecord locked) {
        this.connection = connection;
        this.locked = locked;
        this.status = locked.status();
    }

    static BusinessLifecycle lock(Connection connection, String businessId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + Rows.BUSINESS_COLUMNS + " FROM businesses WHERE business_id = ? FOR UPDATE")) {
            select.setString(1, businessId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no business " + businessId);
                }
                return new BusinessLifecycle(connection, Rows.business(rows));
            }
        }
    }

    boolean wrote() {
        return wrote;
    }

    /** The business as it was when locked. */
    public BusinessRecord business() {
        return locked;
    }

    /** The business as locked, with the status it has now in this transaction. */
    public BusinessRecord current() {
        return locked.withStatus(status);
    }

    public String id() {
        return locked.businessId();
    }

    /** The status now, including moves made in this transaction. */
    public BusinessStatus status() {
        return status;
    }

    /** The task rows as they are now in this transaction, in plan order. */
    public List<BusinessTask> tasks() {
        return sql(() -> Rows.tasks(connection, id()));
    }

    // ---- planning (one transaction: INITIALIZING → … → EXECUTING, FAILED or BLOCKED) ----

    public void ideaGenerated(JsonObject requirements, String reason) {
        moveTo(BusinessStatus.GENERATING_IDEA, reason, "requirements", requirements);
    }

    public void teamComposed(JsonObject team, String reason) {
        moveTo(BusinessStatus.COMPOSING_TEAM, reason, "team_composition", team);
    }

    /** The plan's task rows replace any earlier ones (and their approvals). */
    public void tasksDecomposed(List<BusinessTask> tasks, String reason) {
        guard(BusinessStatus.DECOMPOSING_TASKS);
        sql(() -> {
            Rows.replaceTasks(connection, id(), tasks);
            wrote = true;
            return null;
        });
        moveTo(BusinessStatus.DECOMPOSING_TASKS, reason, null, null);
    }

    public void routed(JsonObject metadata, String reason) {
        moveTo(BusinessStatus.ROUTING, reason, "metadata", metadata);
    }

    public void validating(String reason) {
        moveTo(BusinessStatus.VALIDATING, reason, null, null);
    }

    /** A task the safety gate held waits for a human decision. */
    public void holdForApproval(String taskId, String reason) {
        update("INSERT INTO business_approvals (business_id, task_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                id(), taskId, reason);
    }

    public void startExecuting(String reason) {
        moveTo(BusinessStatus.EXECUTING, reason, null, null);
    }

    // ---- execution ----

    /** A ready task was handed to the runtime; false when it is no longer ready (its outcome may already be in). */
    public boolean markPublished(String taskId) {
        return update("""
                UPDATE business_tasks SET status = 'published', published_at = now(), updated_at = now()
                WHERE business_id = ? AND task_id = ? AND status = 'ready'""", id(), taskId) == 1;
    }

    public void startDeploying(String reason) {
        moveTo(BusinessStatus.DEPLOYING, reason, null, null);
    }

    /** A required purchase cannot be covered: the business waits; {@code metadata} names the budget that blocks it. */
    public void waitForBudget(String reason, JsonObject metadata) {
        moveTo(BusinessStatus.WAITING_FOR_BUDGET, reason, "metadata", metadata);
    }

    /** The budget covers what the business waited for: it continues in {@code status} (EXECUTING or DEPLOYING). */
    public void resumeAfterBudget(BusinessStatus status, String reason, JsonObject metadata) {
        if (this.status != BusinessStatus.WAITING_FOR_BUDGET) {
            throw new IllegalTransition(id(), this.status, status, "only a business waiting for budget resumes");
        }
        moveTo(status, reason, "metadata", metadata);
    }

    /** The task runs without its optional purchase, which no budget covered: {@code skipped} says what and why. */
    public void notePurchaseSkipped(String taskId, JsonObject skipped) {
        update("""
                UPDATE business_tasks SET metadata = metadata || jsonb_build_object('purchase_skipped', ?::jsonb), updated_at = now()
                WHERE business_id = ? AND task_id = ?""", skipped.toString(), id(), taskId);
    }

    /**
     * The outcome of a task that ran on the runtime ({@code COMPLETED} or {@code FAILED}); false, and nothing written,
     * when the task had already finished (a duplicate notice).
     */
    public boolean recordTaskOutcome(String taskId, DagTaskStatus outcome, int attempts, JsonValue result, String error,
                                     Double qualityScore, String model) {
        if (outcome != DagTaskStatus.COMPLETED && outcome != DagTaskStatus.FAILED) {
            throw new IllegalArgumentException("a task outcome is completed or failed, not " + outcome);
        }
        return sql(() -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE business_tasks SET status = ?, attempts = ?, result = ?::jsonb, error = ?, quality_score = ?,
                        model = ?, completed_at = now(), updated_at = now()
                    WHERE business_id = ? AND task_id = ? AND status NOT IN ('completed', 'failed', 'blocked', 'skipped')""")) {
                update.setString(1, outcome.sql());
                update.setInt(2, attempts);
                update.setString(3, result == null ? null : result.toString());
                update.setString(4, error);
                Rows.setDouble(update, 5, qualityScore);
                update.setString(6, model);
                update.setString(7, id());
                update.setString(8, taskId);
                boolean recorded = update.executeUpdate() == 1;
                wrote |= recorded;
                return recorded;
            }
        });
    }

    /** A pending task whose dependencies are done becomes ready. */
    public void releaseTask(String taskId) {
        taskStatus(taskId, EnumSet.of(DagTaskStatus.PENDING), DagTaskStatus.READY);
    }

    /** An unfinished task that can never run (a dependency will not complete, or the business failed) is skipped. */
    public void skipTask(String taskId) {
        taskStatus(taskId, OPEN, DagTaskStatus.SKIPPED);
    }

    /**
     * Decides the pending approval of a held task: approved, it rejoins the DAG as pending; rejected, it is blocked.
     * False, and nothing written, when the task has no pending approval.
     */
    public boolean decideApproval(String taskId, boolean approved, String decidedBy, String comment) {
        if (status.terminal()) {
            return false;
        }
        int decided = update("""
                UPDATE business_approvals SET status = ?, decided_by = ?, comment = ?, decided_at = now()
                WHERE business_id = ? AND task_id = ? AND status = 'pending'""",
                approved ? "approved" : "rejected", decidedBy, comment, id(), taskId);
        return decided == 1 && taskStatus(taskId, EnumSet.of(DagTaskStatus.AWAITING_APPROVAL),
                approved ? DagTaskStatus.PENDING : DagTaskStatus.BLOCKED);
    }

    // ---- endings ----

    /** FAILED with {@code reason} as the error; {@code metadata} (when not null) replaces the business's metadata. */
    public void fail(String reason, JsonObject metadata) {
        guard(BusinessStatus.FAILED);
        outcome(null, reason);
        moveTo(BusinessStatus.FAILED, reason, "metadata", metadata);
    }

    public void block(String reason) {
        guard(BusinessStatus.BLOCKED);
        outcome(null, reason);
        moveTo(BusinessStatus.BLOCKED, reason, null, null);
    }

    /**
     * The end once every task finished: the terminal status the success criteria decided, the deployment URL, the
     * revenue projection and the metadata; {@code reason} is the error unless the business succeeded.
     */
    public void finish(BusinessStatus outcome, String reason, String deploymentUrl, JsonObject revenueProjection,
                       JsonObject metadata) {
        if (!outcome.terminal()) {
            throw new IllegalArgumentException("a business finishes in a terminal status, not " + outcome);
        }
        guard(outcome);
        outcome(deploymentUrl, outcome == BusinessStatus.SUCCESS ? null : reason);
        column("revenue_projection", revenueProjection);
        moveTo(outcome, reason, "metadata", metadata);
    }

    // ---- statements ----

    private void guard(BusinessStatus next) {
        if (!status.mayMoveTo(next)) {
            throw new IllegalTransition(id(), status, next, "allowed from " + status + ": " + status.next());
        }
    }

    /** The guarded move: allowed, and only while the row still has the status it leaves; with one JSON column set. */
    private void moveTo(BusinessStatus next, String reason, String jsonColumn, JsonObject value) {
        guard(next);
        column(jsonColumn, value);
        int moved = update("""
                UPDATE businesses SET status = ?, updated_at = now(),
                    completed_at = CASE WHEN ? THEN now() ELSE completed_at END,
                    execution_time_seconds = CASE WHEN ? THEN EXTRACT(EPOCH FROM (now() - created_at)) ELSE execution_time_seconds END
                WHERE business_id = ? AND status = ?""", next.name(), next.terminal(), next.terminal(), id(), status.name());
        if (moved == 0) {
            throw new IllegalTransition(id(), status, next, "the business is no longer " + status);
        }
        sql(() -> {
            appendTransition(connection, id(), next, reason);
            return null;
        });
        status = next;
    }

    static void appendTransition(Connection connection, String businessId, BusinessStatus state, String reason)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO business_transitions (business_id, state, reason) VALUES (?, ?, ?)")) {
            insert.setString(1, businessId);
            insert.setString(2, state.name());
            insert.setString(3, reason);
            insert.executeUpdate();
        }
    }

    private void column(String jsonColumn, JsonObject value) {
        if (jsonColumn != null && value != null) {
            update("UPDATE businesses SET " + jsonColumn + " = ?::jsonb, updated_at = now() WHERE business_id = ?",
                    value.toString(), id());
        }
    }

    private void outcome(String deploymentUrl, String errorMessage) {
        update("UPDATE businesses SET deployment_url = ?, error_message = ?, updated_at = now() WHERE business_id = ?",
                deploymentUrl, errorMessage, id());
    }

    private boolean taskStatus(String taskId, Set<DagTaskStatus> from, DagTaskStatus to) {
        return update("UPDATE business_tasks SET status = ?, updated_at = now() WHERE business_id = ? AND task_id = ?"
                + " AND status = ANY (string_to_array(?, ','))", to.sql(), id(), taskId,
                String.join(",", from.stream().map(DagTaskStatus::sql).toList())) == 1;
    }

    private int update(String sql, Object... args) {
        return sql(() -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    update.setObject(i + 1, args[i]);
                }
                int changed = update.executeUpdate();
                wrote |= changed > 0;
                return changed;
            }
        });
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Statement<T> statement) {
        try {
            return statement.run();
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }
}
