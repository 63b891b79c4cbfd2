package io.genesis.payments;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads payment mandates: one by id, or a filtered list (newest first). */
@ApplicationScoped
public class MandateQueries {

    private static final String COLUMNS = """
            SELECT mandate_id, vct, business_id, agent_id, issuer, status, parent_mandate_id, payment_id, created_at,
                   not_before, not_after, revoked_at, revoked_by, revocation_reason, mandate_json::text FROM payment_mandates""";

    /** List filters; null or blank members do not filter. */
    public record Filter(String businessId, String agentId, String status) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    public Optional<Mandate> find(String mandateId) {
        List<Mandate> found = select(COLUMNS + " WHERE mandate_id = ?", List.of(mandateId));
        return found.stream().findFirst();
    }

    public List<Mandate> list(Filter filter, int limit) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("business_id", filter.businessId());
        where.put("agent_id", filter.agentId());
        where.put("status", filter.status());
        where.values().removeIf(value -> value == null || value.isBlank());
        StringBuilder sql = new StringBuilder(COLUMNS);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where.keySet().stream().map(column -> column + " = ?").toList()));
        }
        sql.append(" ORDER BY created_at DESC, mandate_id DESC LIMIT ").append(limit);
        return select(sql.toString(), List.copyOf(where.values()));
    }

    private List<Mandate> select(String sql, List<String> parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Mandate> mandates = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    mandates.add(new Mandate(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), instant(row.getTimestamp(9)),
                            instant(row.getTimestamp(10)), instant(row.getTimestamp(11)), instant(row.getTimestamp(12)),
                            row.getString(13), row.getString(14), Payment.json(row.getString(15))));
                }
            }
            return mandates;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
