package io.genesis.runtime.ops;

import io.genesis.api.HistoryWindow;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
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

/**
 * What {@code omnidaemon_task_results} says about the recent past, for the operator dashboard: finished tasks counted
 * per time bucket, and per-agent figures over a window. Reads only; one statement per call. A tenant narrows both to
 * its own tasks, an agent the history to that agent's.
 */
@ApplicationScoped
public class TaskHistoryStore {

    /** Terminal statuses counted as failures (the runtime gave up on the task). */
    private static final String FAILED = "('failed', 'dead_lettered', 'timed_out')";
    private static final String SCOPE = " AND (CAST(? AS text) IS NULL OR tenant_id = ?) AND (CAST(? AS text) IS NULL OR agent_id = ?)";
    private static final String HISTORY = """
            SELECT 'published' AS measure, floor(extract(epoch FROM created_at) / ?)::bigint AS slot, count(*) AS tasks
              FROM omnidaemon_task_results WHERE created_at >= ?""" + SCOPE + """
             GROUP BY slot
            UNION ALL
            SELECT CASE WHEN status = 'success' THEN 'processed' WHEN status IN""" + " " + FAILED + """
                    THEN 'failed' ELSE 'cancelled' END,
                   floor(extract(epoch FROM completed_at) / ?)::bigint, count(*)
              FROM omnidaemon_task_results WHERE completed_at >= ?""" + SCOPE + """
             GROUP BY 1, 2""";
    private static final String AGENTS = """
            SELECT agent_id,
                   count(*) FILTER (WHERE status = 'success') AS processed,
                   count(*) FILTER (WHERE status IN""" + " " + FAILED + """
            ) AS failed,
                   count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) FILTER (WHERE status = 'success') AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_seconds) FILTER (WHERE status = 'success') AS p95,
                   avg(quality_score) AS quality, count(quality_score) AS graded, sum(cost_cents) AS cost_cents
              FROM omnidaemon_task_results WHERE completed_at >= ?""" + SCOPE + """
             GROUP BY agent_id""";

    /** Finished tasks in one bucket: published in it (and finished since), and finished in it by outcome. */
    public record Bucket(Instant start, long published, long processed, long failed, long cancelled) {
    }

    /**
     * One agent's tasks finished in a window: outcomes, the median and 95th percentile of successful tasks' handler
     * time in seconds, the mean quality grade of the graded ones ({@code null} when none), and their cost.
     */
    public record AgentFigures(String agent, long processed, long failed, long cancelled, Double p50Seconds, Double p95Seconds,
                               Double quality, long graded, BigDecimal costCents) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** Every bucket of the window, oldest first, empty ones included. */
    public List<Bucket> history(HistoryWindow window, Instant now, Optional<String> tenant, Optional<String> agent) {
        Instant start = window.start(now);
        long size = window.bucket().getSeconds();
        long first = start.getEpochSecond() / size;
        long[][] counts = new long[window.buckets()][4];
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(HISTORY)) {
            int i = 1;
            for (int part = 0; part < 2; part++) {
                select.setLong(i++, size);
                select.setTimestamp(i++, Timestamp.from(start));
                i = scope(select, i, tenant, agent);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int slot = (int) (rows.getLong("slot") - first);
                    if (slot >= 0 && slot < counts.length) {
                        counts[slot][measure(rows.getString("measure"))] += rows.getLong("tasks");
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("reading the task history", e);
        }
        List<Bucket> buckets = new ArrayList<>(counts.length);
        for (int slot = 0; slot < counts.length; slot++) {
            long[] c = counts[slot];
            buckets.add(new Bucket(start.plusSeconds(slot * size), c[0], c[1], c[2], c[3]));
        }
        return buckets;
    }

    /** Per agent, the tasks finished since {@code since}; agents without any are absent. */
    public Map<String, AgentFigures> agents(Instant since, Optional<String> tenant) {
        Map<String, AgentFigures> figures = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(AGENTS)) {
            select.setTimestamp(1, Timestamp.from(since));
            scope(select, 2, tenant, Optional.empty());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String agent = rows.getString("agent_id");
                    figures.put(agent, new AgentFigures(agent, rows.getLong("processed"), rows.getLong("failed"),
                            rows.getLong("cancelled"), nullable(rows, "p50"), nullable(rows, "p95"), nullable(rows, "quality"),
                            rows.getLong("graded"), rows.getBigDecimal("cost_cents")));
                }
            }
        } catch (SQLException e) {
            throw failure("reading per-agent task figures", e);
        }
        return figures;
    }

    private static int scope(PreparedStatement select, int index, Optional<String> tenant, Optional<String> agent) throws SQLException {
        int i = index;
        select.setString(i++, tenant.orElse(null));
        select.setString(i++, tenant.orElse(null));
        select.setString(i++, agent.orElse(null));
        select.setString(i++, agent.orElse(null));
        return i;
    }

    private static int measure(String name) {
        return switch (name) {
            case "published" -> 0;
            case "processed" -> 1;
            case "failed" -> 2;
            default -> 3;
        };
    }

    private static Double nullable(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** Keeps the SQLException as cause: the problem mapper answers an outage 503 from it. */
    private static RuntimeException failure(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
