package io.genesis.payments.store;

import io.genesis.api.JsonConventions;
import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.PaymentIds;
import io.genesis.payments.PaymentStatus;
import io.genesis.payments.policy.Check;
import io.genesis.payments.policy.Reason;
import io.genesis.payments.policy.SpendLedger;
import jakarta.json.JsonArrayBuilder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One database transaction on the payments ledger: guarded status transitions with their append-only event,
 * decisions, and the budget reservations of {@link LedgerSpend}. Opened and committed by
 * {@link PaymentLedger#inTransaction}. SQL errors surface as {@link LedgerUnavailable} (the transaction is rolled
 * back), so callers see no JDBC type.
 */
public final class LedgerTx {

    /** The transition was refused: the payment was not in one of the expected states (someone else moved it). */
    public static final class StaleState extends RuntimeException {
        StaleState(String message) {
            super(message, null, false, false);
        }
    }

    /** A point inside the transaction to roll back to ({@link #mark}, {@link #rollbackTo}). */
    public static final class Mark {
        private final Savepoint savepoint;

        private Mark(Savepoint savepoint) {
            this.savepoint = savepoint;
        }
    }

    /** One statement's work; SQL errors become {@link LedgerUnavailable}. */
    @FunctionalInterface
    interface Sql<T> {
        T run() throws SQLException;
    }

    /**
     * A row of {@code payment_decisions}: who decided what under which policy version, with the policy's checks and
     * reasons (empty for a person's or the Meta-Agent's decision) and an optional rationale.
     */
    public record Decision(String outcome, String approvalMode, String decidedBy, String policyVersion, List<Check> checks,
                           List<Reason> reasons, String rationale) {

        /** A decision without the policy's checks and reasons (a person, the Meta-Agent). */
        public static Decision by(String outcome, String approvalMode, String decidedBy, String policyVersion, String rationale) {
            return new Decision(outcome, approvalMode, decidedBy, policyVersion, List.of(), List.of(), rationale);
        }
    }

    /** Column changes of a transition; timestamps are set to the database's now(). */
    public static final class Changes {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<String> jsonColumns = new ArrayList<>();
        private final List<String> nowColumns = new ArrayList<>();
        private final Map<String, BigDecimal> additions = new LinkedHashMap<>();

        public Changes set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        public Changes json(String column, String json) {
            values.put(column, json);
            jsonColumns.add(column);
            return this;
        }

        public Changes now(String column) {
            nowColumns.add(column);
            return this;
        }

        public Changes add(String column, long cents) {
            additions.put(column, BigDecimal.valueOf(cents));
            return this;
        }
    }

    private final Connection db;
    private final String paymentId;
    private final LedgerSpend spend;
    /** Payments whose status this transaction changed (told to every worker after the commit). */
    final Set<String> changed = new java.util.LinkedHashSet<>();

    LedgerTx(Connection db, String paymentId) {
        this.db = db;
        this.paymentId = paymentId;
        this.spend = new LedgerSpend(db, paymentId);
    }

    /** The budget reservations of this transaction, as the approval policy reads and takes them. */
    public SpendLedger spend() {
        return spend;
    }

    /** Records what the policy reserved for this payment as HELD (see {@link LedgerSpend#hold}). */
    public void hold(String agentId, String businessId, long cents) {
        spend.hold(agentId, businessId, cents);
    }

    /** Gives a HELD reservation back (deny, void, failure); a second release finds nothing to do. */
    public void release() {
        spend.release();
    }

    /** Turns a HELD reservation into committed spend (capture). */
    public void commit() {
        spend.commit();
    }

    /** Gives refunded cents of the charge {@code chargeId} back to the agent's day and the business. */
    public void refunded(String chargeId, long cents) {
        spend.refunded(chargeId, cents);
    }

    Connection connection() {
        return db;
    }

    public String paymentId() {
        return paymentId;
    }

    public Mark mark() {
        return sql(() -> new Mark(db.setSavepoint()));
    }

    public void rollbackTo(Mark mark) {
        sql(() -> {
            db.rollback(mark.savepoint);
            return null;
        });
    }

    static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Locks the payment row and returns its status. */
    public PaymentStatus lock() {
        return sql(() -> {
            try (PreparedStatement select = db.prepareStatement("SELECT status FROM x402_payments WHERE id = ? FOR UPDATE")) {
                select.setString(1, paymentId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new StaleState("payment " + paymentId + " does not exist");
                    }
                    return PaymentStatus.valueOf(row.getString(1));
                }
            }
        });
    }

    /**
     * Locks the payment row and tells whether it has been awaiting approval for longer than {@code timeout} (it
     * started waiting when it became PENDING_APPROVAL, its last update), by the database clock every worker shares.
     */
    public boolean pendingApprovalLongerThan(Duration timeout) {
        return sql(() -> {
            try (PreparedStatement select = db.prepareStatement("""
                    SELECT updated_at < now() - make_interval(secs => ?) FROM x402_payments
                    WHERE id = ? AND status = 'PENDING_APPROVAL' FOR UPDATE""")) {
                select.setDouble(1, timeout.toMillis() / 1000.0);
                select.setString(2, paymentId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    /** Moves the payment from one of {@code from} to {@code to}, applies {@code changes} and appends the event. */
    public void transition(Set<PaymentStatus> from, PaymentStatus to, String actor, String reason, Changes changes) {
        transition(paymentId, from, to, actor, reason, changes);
    }

    /** The same for another payment in this transaction (a refund's parent charge). */
    public void transition(String id, Set<PaymentStatus> from, PaymentStatus to, String actor, String reason, Changes changes) {
        sql(() -> {
            StringBuilder sql = new StringBuilder("UPDATE x402_payments SET status = ?, x402_status = ?, updated_at = now(), version = version + 1");
            changes.values.keySet().forEach(column -> sql.append(", ").append(column)
                    .append(changes.jsonColumns.contains(column) ? " = ?::jsonb" : " = ?"));
            changes.nowColumns.forEach(column -> sql.append(", ").append(column).append(" = now()"));
            changes.additions.keySet().forEach(column -> sql.append(", ").append(column).append(" = ").append(column).append(" + ?"));
            sql.append(" WHERE id = ? AND status = ANY (?) RETURNING (SELECT status FROM x402_payments WHERE id = ?)");
            try (PreparedStatement update = db.prepareStatement(sql.toString())) {
                int i = 1;
                update.setString(i++, to.name());
                update.setString(i++, to.x402Status());
                for (Object value : changes.values.values()) {
                    update.setObject(i++, value);
                }
                for (BigDecimal value : changes.additions.values()) {
                    update.setBigDecimal(i++, value);
                }
                update.setString(i++, id);
                update.setArray(i++, db.createArrayOf("varchar", from.stream().map(Enum::name).toArray()));
                update.setString(i, id);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        throw new StaleState("payment " + id + " is no longer " + from + "; not moved to " + to);
                    }
                    event(id, PaymentStatus.valueOf(row.getString(1)), to, actor, reason);
                }
            }
            return null;
        });
    }

    void event(String id, PaymentStatus from, PaymentStatus to, String actor, String reason) throws SQLException {
        changed.add(id);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO payment_events (payment_id, from_status, to_status, actor, reason) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, from == null ? null : from.name());
            insert.setString(3, to.name());
            insert.setString(4, actor);
            insert.setString(5, reason == null ? null : truncate(reason, 1024));
            insert.executeUpdate();
        }
    }

    /** Appends a decision; returns its id. */
    public String decision(Decision decision) {
        return sql(() -> {
            String id = "apd_" + PaymentIds.random();
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO payment_decisions (decision_id, payment_id, outcome, approval_mode, decided_by, policy_version,
                        checks, reasons, rationale) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")) {
                insert.setString(1, id);
                insert.setString(2, paymentId);
                insert.setString(3, decision.outcome());
                insert.setString(4, decision.approvalMode());
                insert.setString(5, decision.decidedBy());
                insert.setString(6, decision.policyVersion());
                insert.setString(7, checksJson(decision.checks()));
                insert.setString(8, reasonsJson(decision.reasons()));
                insert.setString(9, decision.rationale() == null ? null : truncate(decision.rationale(), 1024));
                insert.executeUpdate();
            }
            return id;
        });
    }

    private static String checksJson(List<Check> checks) {
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        for (Check check : checks) {
            var item = JsonConventions.json().createObjectBuilder().add("code", check.code().name()).add("result", check.result().name());
            if (check.observed() != null) {
                item.add("observed", check.observed());
            }
            if (check.limit() != null) {
                item.add("limit", check.limit());
            }
            array.add(item);
        }
        return array.build().toString();
    }

    private static String reasonsJson(List<Reason> reasons) {
        JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
        reasons.forEach(reason -> array.add(JsonConventions.json().createObjectBuilder().add("code", reason.code().name())
                .add("effect", reason.effect().name()).add("message", reason.message())));
        return array.build().toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
