package io.genesis.payments;

import io.genesis.payments.policy.SpendLedger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One database transaction on the payments ledger: guarded status transitions with their append-only event,
 * decisions, and the budget reservations (each a single conditional UPDATE, so concurrent purchases never
 * overspend). Opened and committed by {@link PaymentLedger#inTransaction}.
 */
public final class LedgerTx implements SpendLedger {

    /** The transition was refused: the payment was not in one of the expected states (someone else moved it). */
    public static final class StaleState extends RuntimeException {
        StaleState(String message) {
            super(message, null, false, false);
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

    private static final Set<PaymentStatus> LIVE_CHARGE = EnumSet.of(PaymentStatus.PENDING_APPROVAL, PaymentStatus.APPROVED,
            PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURING, PaymentStatus.CAPTURE_UNKNOWN, PaymentStatus.CAPTURED);

    private final Connection db;
    private final String paymentId;

    LedgerTx(Connection db, String paymentId) {
        this.db = db;
        this.paymentId = paymentId;
    }

    Connection connection() {
        return db;
    }

    public String paymentId() {
        return paymentId;
    }

    public Savepoint savepoint() throws SQLException {
        return db.setSavepoint();
    }

    public void rollbackTo(Savepoint savepoint) throws SQLException {
        db.rollback(savepoint);
    }

    /** Locks the payment row and returns its status. */
    public PaymentStatus lock() throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT status FROM x402_payments WHERE id = ? FOR UPDATE")) {
            select.setString(1, paymentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new StaleState("payment " + paymentId + " does not exist");
                }
                return PaymentStatus.valueOf(row.getString(1));
            }
        }
    }

    /**
     * Locks the payment row and tells whether it has been awaiting approval for longer than {@code timeout} (it
     * started waiting when it became PENDING_APPROVAL, its last update), by the database clock every worker shares.
     */
    public boolean pendingApprovalLongerThan(Duration timeout) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT updated_at < now() - make_interval(secs => ?) FROM x402_payments
                WHERE id = ? AND status = 'PENDING_APPROVAL' FOR UPDATE""")) {
            select.setDouble(1, timeout.toMillis() / 1000.0);
            select.setString(2, paymentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Moves the payment from one of {@code from} to {@code to}, applies {@code changes} and appends the event. */
    public void transition(Set<PaymentStatus> from, PaymentStatus to, String actor, String reason, Changes changes) throws SQLException {
        transition(paymentId, from, to, actor, reason, changes);
    }

    /** The same for another payment in this transaction (a refund's parent charge). */
    public void transition(String id, Set<PaymentStatus> from, PaymentStatus to, String actor, String reason, Changes changes)
            throws SQLException {
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
    }

    void event(String id, PaymentStatus from, PaymentStatus to, String actor, String reason) throws SQLException {
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
    public String decision(String outcome, String approvalMode, String decidedBy, String policyVersion, String checksJson,
                           String reasonsJson, String rationale) throws SQLException {
        String id = "apd_" + PaymentIds.random();
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO payment_decisions (decision_id, payment_id, outcome, approval_mode, decided_by, policy_version,
                    checks, reasons, rationale) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, paymentId);
            insert.setString(3, outcome);
            insert.setString(4, approvalMode);
            insert.setString(5, decidedBy);
            insert.setString(6, policyVersion);
            insert.setString(7, checksJson);
            insert.setString(8, reasonsJson);
            insert.setString(9, rationale == null ? null : truncate(rationale, 1024));
            insert.executeUpdate();
        }
        return id;
    }

    @Override
    public Reservation reserveAgentDay(String agentId, long cents, long limitCents) {
        return reserve("""
                INSERT INTO agent_daily_spend AS s (agent_id, spend_day, committed_cents) SELECT ?, ?, ? WHERE ? <= ?
                ON CONFLICT (agent_id, spend_day) DO UPDATE SET committed_cents = s.committed_cents + EXCLUDED.committed_cents
                WHERE s.committed_cents + EXCLUDED.committed_cents <= ? RETURNING committed_cents""",
                "SELECT committed_cents FROM agent_daily_spend WHERE agent_id = ? AND spend_day = ?", agentId, true, cents, limitCents);
    }

    @Override
    public Reservation reserveBusiness(String businessId, long cents, long limitCents) {
        return reserve("""
                INSERT INTO business_spend AS s (business_id, committed_cents) SELECT ?, ? WHERE ? <= ?
                ON CONFLICT (business_id) DO UPDATE SET committed_cents = s.committed_cents + EXCLUDED.committed_cents
                WHERE s.committed_cents + EXCLUDED.committed_cents <= ? RETURNING committed_cents""",
                "SELECT committed_cents FROM business_spend WHERE business_id = ?", businessId, false, cents, limitCents);
    }

    private Reservation reserve(String upsert, String current, String key, boolean daily, long cents, long limit) {
        try (PreparedStatement reserve = db.prepareStatement(upsert)) {
            int i = 1;
            reserve.setString(i++, key);
            if (daily) {
                reserve.setDate(i++, today());
            }
            reserve.setBigDecimal(i++, BigDecimal.valueOf(cents));
            reserve.setLong(i++, cents);
            reserve.setLong(i++, limit);
            reserve.setLong(i, limit);
            try (ResultSet row = reserve.executeQuery()) {
                if (row.next()) {
                    return new Reservation(true, row.getBigDecimal(1).longValue() - cents);
                }
            }
            try (PreparedStatement select = db.prepareStatement(current)) {
                select.setString(1, key);
                if (daily) {
                    select.setDate(2, today());
                }
                try (ResultSet row = select.executeQuery()) {
                    return new Reservation(false, row.next() ? row.getBigDecimal(1).longValue() : 0);
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Records what {@link #reserveAgentDay} and {@link #reserveBusiness} reserved for this payment as HELD. */
    public void hold(String agentId, String businessId, long cents) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO spend_reservations (payment_id, agent_id, spend_day, business_id, cents, state)
                VALUES (?, ?, ?, ?, ?, 'HELD')""")) {
            insert.setString(1, paymentId);
            insert.setString(2, agentId);
            insert.setDate(3, today());
            insert.setString(4, businessId);
            insert.setBigDecimal(5, BigDecimal.valueOf(cents));
            insert.executeUpdate();
        }
    }

    /** Gives a HELD reservation back (deny, void, failure); a second release finds nothing to do. */
    public void release() throws SQLException {
        try (PreparedStatement settle = db.prepareStatement("""
                UPDATE spend_reservations SET state = 'RELEASED', settled_at = now() WHERE payment_id = ? AND state = 'HELD'
                RETURNING agent_id, spend_day, business_id, cents""")) {
            settle.setString(1, paymentId);
            try (ResultSet row = settle.executeQuery()) {
                if (row.next()) {
                    giveBack(row.getString(1), row.getDate(2), row.getString(3), row.getBigDecimal(4));
                }
            }
        }
    }

    /** Turns a HELD reservation into committed spend (capture). */
    public void commit() throws SQLException {
        try (PreparedStatement settle = db.prepareStatement(
                "UPDATE spend_reservations SET state = 'COMMITTED', settled_at = now() WHERE payment_id = ? AND state = 'HELD'")) {
            settle.setString(1, paymentId);
            settle.executeUpdate();
        }
    }

    /** Gives refunded cents of the charge {@code chargeId} back to the agent's day and the business. */
    public void refunded(String chargeId, long cents) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT agent_id, spend_day, business_id FROM spend_reservations WHERE payment_id = ? AND state = 'COMMITTED'")) {
            select.setString(1, chargeId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    giveBack(row.getString(1), row.getDate(2), row.getString(3), BigDecimal.valueOf(cents));
                }
            }
        }
    }

    private void giveBack(String agentId, Date day, String businessId, BigDecimal cents) throws SQLException {
        try (PreparedStatement agent = db.prepareStatement("""
                UPDATE agent_daily_spend SET committed_cents = GREATEST(committed_cents - ?, 0) WHERE agent_id = ? AND spend_day = ?""");
             PreparedStatement business = db.prepareStatement(
                     "UPDATE business_spend SET committed_cents = GREATEST(committed_cents - ?, 0) WHERE business_id = ?")) {
            agent.setBigDecimal(1, cents);
            agent.setString(2, agentId);
            agent.setDate(3, day);
            agent.executeUpdate();
            business.setBigDecimal(1, cents);
            business.setString(2, businessId);
            business.executeUpdate();
        }
    }

    @Override
    public boolean duplicateCharge(String agentId, String businessId, String fingerprint, long amountCents, Duration window) {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT 1 FROM x402_payments WHERE agent_id = ? AND business_id = ? AND request_fingerprint = ?
                  AND requested_cents = ? AND id <> ? AND kind = 'CHARGE' AND status = ANY (?)
                  AND created_at > now() - make_interval(secs => ?)""")) {
            select.setString(1, agentId);
            select.setString(2, businessId);
            select.setString(3, fingerprint);
            select.setBigDecimal(4, BigDecimal.valueOf(amountCents));
            select.setString(5, paymentId);
            select.setArray(6, liveCharges());
            select.setLong(7, window.toSeconds());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    @Override
    public boolean nonceUsed(String payer, String nonce) {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT 1 FROM x402_payments WHERE lower(payer) = lower(?) AND auth_nonce = ? AND id <> ?")) {
            select.setString(1, payer);
            select.setString(2, nonce);
            select.setString(3, paymentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    @Override
    public int chargesWithin(String agentId, Duration window) {
        try (PreparedStatement count = db.prepareStatement("""
                SELECT count(*) FROM x402_payments WHERE agent_id = ? AND kind = 'CHARGE' AND id <> ? AND status = ANY (?)
                  AND created_at > now() - make_interval(secs => ?)""")) {
            count.setString(1, agentId);
            count.setString(2, paymentId);
            count.setArray(3, liveCharges());
            count.setLong(4, window.toSeconds());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private java.sql.Array liveCharges() throws SQLException {
        return db.createArrayOf("varchar", LIVE_CHARGE.stream().map(Enum::name).toArray());
    }

    private static Date today() {
        return Date.valueOf(LocalDate.now(ZoneOffset.UTC));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
