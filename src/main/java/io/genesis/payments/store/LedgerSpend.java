package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import io.genesis.payments.PaymentStatus;
import io.genesis.payments.policy.SpendLedger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import static io.genesis.payments.store.LedgerTx.sql;

/**
 * The budget side of one ledger transaction: the policy's atomic reservations (a single conditional upsert each, so
 * concurrent purchases never overspend; cents earmarked by purchases the Meta-Agent planned count as spent, and the
 * payment of a planned purchase first takes its own earmark back), the HELD reservation of the payment and what capture,
 * release and refund do to it, and the policy's counting queries. Everything counts within the payment's tenant: its agent's daily spend,
 * its business's spend, its duplicates and its velocity are that tenant's alone.
 */
final class LedgerSpend implements SpendLedger {

    private static final Set<PaymentStatus> LIVE_CHARGE = EnumSet.of(PaymentStatus.PENDING_APPROVAL, PaymentStatus.APPROVED,
            PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURING, PaymentStatus.CAPTURE_UNKNOWN, PaymentStatus.CAPTURED);

    private final Connection db;
    private final String paymentId;
    private String tenantId;
    private boolean planTaken;

    LedgerSpend(Connection db, String paymentId) {
        this.db = db;
        this.paymentId = paymentId;
    }

    @Override
    public Reservation reserveAgentDay(String agentId, long cents, long limitCents) {
        takePlan();
        return reserve("""
                INSERT INTO agent_daily_spend AS s (tenant_id, agent_id, spend_day, committed_cents) SELECT ?, ?, ?, ? WHERE ? <= ?
                ON CONFLICT (tenant_id, agent_id, spend_day) DO UPDATE SET committed_cents = s.committed_cents + EXCLUDED.committed_cents
                WHERE s.committed_cents + s.planned_cents + EXCLUDED.committed_cents <= ? RETURNING committed_cents + planned_cents""",
                "SELECT committed_cents + planned_cents FROM agent_daily_spend WHERE tenant_id = ? AND agent_id = ? AND spend_day = ?",
                agentId, true, cents, limitCents);
    }

    @Override
    public Reservation reserveBusiness(String businessId, long cents, long limitCents) {
        takePlan();
        return reserve("""
                INSERT INTO business_spend AS s (tenant_id, business_id, committed_cents) SELECT ?, ?, ? WHERE ? <= ?
                ON CONFLICT (tenant_id, business_id) DO UPDATE SET committed_cents = s.committed_cents + EXCLUDED.committed_cents
                WHERE s.committed_cents + s.planned_cents + EXCLUDED.committed_cents <= ? RETURNING committed_cents + planned_cents""",
                "SELECT committed_cents + planned_cents FROM business_spend WHERE tenant_id = ? AND business_id = ?", businessId, false,
                cents, limitCents);
    }

    /**
     * Once per payment: when the Meta-Agent planned this purchase (its task's earmark is PLANNED), the earmark goes back
     * to the agent's day and the business in this transaction, so the reservation that follows counts the cents once.
     */
    private void takePlan() {
        if (planTaken) {
            return;
        }
        planTaken = true;
        sql(() -> {
            try (PreparedStatement take = db.prepareStatement("""
                    UPDATE planned_purchases SET state = 'PAID', payment_id = ?, updated_at = now()
                    WHERE tenant_id = ? AND state = 'PLANNED'
                      AND runtime_task_id = (SELECT task_id FROM x402_payments WHERE id = ?)
                    RETURNING agent_id, spend_day, business_id, cents""")) {
                take.setString(1, paymentId);
                take.setString(2, tenant());
                take.setString(3, paymentId);
                try (ResultSet row = take.executeQuery()) {
                    while (row.next()) {
                        PlanStore.unplan(db, tenant(), row.getString(1), row.getDate(2), row.getString(3), row.getBigDecimal(4));
                    }
                }
            }
            return null;
        });
    }

    private Reservation reserve(String upsert, String current, String key, boolean daily, long cents, long limit) {
        try (PreparedStatement reserve = db.prepareStatement(upsert)) {
            String tenant = tenant();
            int i = 1;
            reserve.setString(i++, tenant);
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
                select.setString(1, tenant);
                select.setString(2, key);
                if (daily) {
                    select.setDate(3, today());
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
    public void hold(String agentId, String businessId, long cents) {
        sql(() -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO spend_reservations (payment_id, tenant_id, agent_id, spend_day, business_id, cents, state)
                    VALUES (?, ?, ?, ?, ?, ?, 'HELD')""")) {
                insert.setString(1, paymentId);
                insert.setString(2, tenant());
                insert.setString(3, agentId);
                insert.setDate(4, today());
                insert.setString(5, businessId);
                insert.setBigDecimal(6, BigDecimal.valueOf(cents));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Gives a HELD reservation back (deny, void, failure); a second release finds nothing to do. */
    public void release() {
        sql(() -> {
            try (PreparedStatement settle = db.prepareStatement("""
                    UPDATE spend_reservations SET state = 'RELEASED', settled_at = now() WHERE payment_id = ? AND state = 'HELD'
                    RETURNING tenant_id, agent_id, spend_day, business_id, cents""")) {
                settle.setString(1, paymentId);
                try (ResultSet row = settle.executeQuery()) {
                    if (row.next()) {
                        giveBack(row.getString(1), row.getString(2), row.getDate(3), row.getString(4), row.getBigDecimal(5));
                    }
                }
            }
            return null;
        });
    }

    /** Turns a HELD reservation into committed spend (capture). */
    public void commit() {
        sql(() -> {
            try (PreparedStatement settle = db.prepareStatement(
                    "UPDATE spend_reservations SET state = 'COMMITTED', settled_at = now() WHERE payment_id = ? AND state = 'HELD'")) {
                settle.setString(1, paymentId);
                settle.executeUpdate();
            }
            return null;
        });
    }

    /** Gives refunded cents of the charge {@code chargeId} back to the agent's day and the business. */
    public void refunded(String chargeId, long cents) {
        sql(() -> {
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT tenant_id, agent_id, spend_day, business_id FROM spend_reservations WHERE payment_id = ? AND state = 'COMMITTED'")) {
                select.setString(1, chargeId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        giveBack(row.getString(1), row.getString(2), row.getDate(3), row.getString(4), BigDecimal.valueOf(cents));
                    }
                }
            }
            return null;
        });
    }

    private void giveBack(String tenant, String agentId, Date day, String businessId, BigDecimal cents) throws SQLException {
        PlanStore.subtract(db, "committed_cents", tenant, agentId, day, businessId, cents);
    }

    @Override
    public boolean duplicateCharge(String agentId, String businessId, String fingerprint, long amountCents, Duration window) {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT 1 FROM x402_payments WHERE tenant_id = ? AND agent_id = ? AND business_id = ? AND request_fingerprint = ?
                  AND requested_cents = ? AND id <> ? AND kind = 'CHARGE' AND status = ANY (?)
                  AND created_at > now() - make_interval(secs => ?)""")) {
            select.setString(1, tenant());
            select.setString(2, agentId);
            select.setString(3, businessId);
            select.setString(4, fingerprint);
            select.setBigDecimal(5, BigDecimal.valueOf(amountCents));
            select.setString(6, paymentId);
            select.setArray(7, liveCharges());
            select.setLong(8, window.toSeconds());
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
                SELECT count(*) FROM x402_payments WHERE tenant_id = ? AND agent_id = ? AND kind = 'CHARGE' AND id <> ?
                  AND status = ANY (?) AND created_at > now() - make_interval(secs => ?)""")) {
            count.setString(1, tenant());
            count.setString(2, agentId);
            count.setString(3, paymentId);
            count.setArray(4, liveCharges());
            count.setLong(5, window.toSeconds());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    @Override
    public boolean planned() {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT 1 FROM planned_purchases WHERE tenant_id = ? AND state IN ('PLANNED', 'PAID')
                  AND runtime_task_id = (SELECT task_id FROM x402_payments WHERE id = ?)""")) {
            select.setString(1, tenant());
            select.setString(2, paymentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** The tenant of this transaction's payment, whose counters its reservations and counts use; read once. */
    private String tenant() throws SQLException {
        if (tenantId == null) {
            try (PreparedStatement select = db.prepareStatement("SELECT tenant_id FROM x402_payments WHERE id = ?")) {
                select.setString(1, paymentId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("payment " + paymentId + " does not exist");
                    }
                    tenantId = row.getString(1);
                }
            }
        }
        return tenantId;
    }

    private java.sql.Array liveCharges() throws SQLException {
        return db.createArrayOf("varchar", LIVE_CHARGE.stream().map(Enum::name).toArray());
    }

    private static Date today() {
        return Date.valueOf(LocalDate.now(ZoneOffset.UTC));
    }
}
