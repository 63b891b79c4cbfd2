package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The payments the sweeper has to look at, oldest first, at most {@code batch} of each kind per sweep. */
@ApplicationScoped
public class SweepStore {

    /** Lost settlement answers of simulated or live payments (%s), older than a grace in seconds (%d). */
    private static final String LOST_ANSWERS = """
            SELECT id FROM x402_payments WHERE status = 'CAPTURE_UNKNOWN' AND %s
              AND updated_at < now() - make_interval(secs => %d) ORDER BY updated_at LIMIT ?""";

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** Authorizations past their {@code validBefore}, by the database clock. */
    public List<String> authorizationsPastValidity(int batch) {
        return ids("""
                SELECT id FROM x402_payments WHERE status = 'AUTHORIZED'
                  AND valid_before < extract(epoch FROM now()) ORDER BY valid_before LIMIT ?""", batch);
    }

    /** Payments awaiting a human for longer than {@code timeout}. */
    public List<String> approvalsOlderThan(Duration timeout, int batch) {
        return ids("""
                SELECT id FROM x402_payments WHERE status = 'PENDING_APPROVAL'
                  AND updated_at < now() - make_interval(secs => %s) ORDER BY updated_at LIMIT ?"""
                .formatted(BigDecimal.valueOf(timeout.toMillis(), 3).toPlainString()), batch);
    }

    /** CAPTURE_UNKNOWN payments (simulated or live ones) unchanged for longer than {@code graceSeconds}. */
    public List<String> lostAnswers(boolean simulated, long graceSeconds, int batch) {
        return ids(LOST_ANSWERS.formatted(simulated ? "simulated" : "NOT simulated", graceSeconds), batch);
    }

    private List<String> ids(String sql, int batch) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setInt(1, batch);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
