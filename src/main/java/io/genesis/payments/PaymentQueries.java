package io.genesis.payments;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads payments: one with its decisions and events, or a filtered list (newest first). */
@ApplicationScoped
public class PaymentQueries {

    /** List filters; null members do not filter. */
    public record Filter(String businessId, String agentId, String taskId, String status, String vendorId, String kind) {
    }

    @Inject
    ApprovalTimeout approvalTimeout;

    @PersistenceContext(unitName = "genesis")
    EntityManager em;

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /**
     * The payment row with its wire objects but without decisions and events (one query instead of three): what the
     * purchase steps work from; answers to clients use {@link #find}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Payment> findWithoutHistory(String paymentId) {
        return Optional.ofNullable(em.find(PaymentRecord.class, paymentId)).map(row -> Payment.detail(row, List.of(), List.of(), null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Payment> find(String paymentId) {
        List<Payment.Decision> decisions;
        List<Payment.Event> events;
        try (Connection db = dataSource.getConnection()) {
            decisions = decisions(db, paymentId);
            events = events(db, paymentId);
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
        return Optional.ofNullable(em.find(PaymentRecord.class, paymentId))
                .map(row -> Payment.detail(row, decisions, events, approvalTimeout.timeout()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payment> list(Filter filter, int limit) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("businessId", filter.businessId());
        where.put("agentId", filter.agentId());
        where.put("taskId", filter.taskId());
        where.put("status", filter.status());
        where.put("vendorId", filter.vendorId());
        where.put("kind", filter.kind());
        where.values().removeIf(value -> value == null || value.isBlank());
        StringBuilder jpql = new StringBuilder("SELECT p FROM PaymentRecord p");
        List<String> clauses = new ArrayList<>();
        where.keySet().forEach(field -> clauses.add("p." + field + " = :" + field));
        if (!clauses.isEmpty()) {
            jpql.append(" WHERE ").append(String.join(" AND ", clauses));
        }
        jpql.append(" ORDER BY p.createdAt DESC, p.id DESC");
        TypedQuery<PaymentRecord> query = em.createQuery(jpql.toString(), PaymentRecord.class).setMaxResults(limit);
        where.forEach(query::setParameter);
        return query.getResultList().stream().map(row -> Payment.summary(row, approvalTimeout.timeout())).toList();
    }

    private static List<Payment.Decision> decisions(Connection db, String paymentId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT decision_id, outcome, approval_mode, decided_by, policy_version, checks::text, reasons::text, rationale,
                       decided_at FROM payment_decisions WHERE payment_id = ? ORDER BY decided_at, decision_id""")) {
            select.setString(1, paymentId);
            List<Payment.Decision> decisions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    decisions.add(new Payment.Decision(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), Payment.json(row.getString(6)), Payment.json(row.getString(7)), row.getString(8),
                            row.getTimestamp(9).toInstant()));
                }
            }
            return decisions;
        }
    }

    private static List<Payment.Event> events(Connection db, String paymentId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT from_status, to_status, actor, reason, at FROM payment_events WHERE payment_id = ? ORDER BY event_id")) {
            select.setString(1, paymentId);
            List<Payment.Event> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new Payment.Event(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getTimestamp(5).toInstant()));
                }
            }
            return events;
        }
    }
}
