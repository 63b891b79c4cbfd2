package io.genesis.payments.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

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

    /**
     * Payments left between two steps (REQUESTED, APPROVED or CAPTURING) unchanged for longer than {@code graceSeconds}:
     * the process or the database went away mid-payment, so nobody will take the next step.
     */
    public List<String> interrupted(long graceSeconds, int batch) {
        return ids("""
                SELECT id FROM x402_payments WHERE status IN ('REQUESTED', 'APPROVED', 'CAPTURING')
                  AND updated_at < now() - make_interval(secs => %d) ORDER BY updated_at LIMIT ?""".formatted(graceSeconds), batch);
    }

    /** CAPTURE_UNKNOWN payments (simulated or live ones) unchanged for longer than {@code graceSeconds}. */
    public List<String> lostAnswers(boolean simulated, long graceSeconds, int batch) {
        return ids(LOST_ANSWERS.formatted(simulated ? "simulated" : "NOT simulated", graceSeconds), batch);
    }

    private List<String> ids(String sql, int batch) {
        return Ids.select(dataSource, sql, batch);
    }
}
