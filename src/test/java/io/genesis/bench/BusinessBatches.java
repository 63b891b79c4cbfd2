package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One batch of concurrent business creations through the real server: {@code size} businesses POSTed with
 * {@value #IN_FLIGHT} requests in flight, round-robin over the ten business types, as a tenant of their own (so each
 * batch starts with the tenant's full daily budgets), followed in PostgreSQL until every business is terminal or the
 * deadline passes. Used by the business and the scaling benchmarks.
 */
final class BusinessBatches {

    static final List<String> TYPES = List.of("saas_tool", "content_website", "ecommerce_store",
            "landing_page_waitlist", "saas_dashboard", "marketplace", "ai_chatbot_service", "api_service",
            "newsletter_automation", "no_code_tool");
    private static final Pattern BUSINESS_ID = Pattern.compile("\"business_id\":\"(biz_[0-9a-f]+)\"");
    static final int IN_FLIGHT = 32;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What became of one batch; {@code p50}, {@code p99}, {@code max}: execution time in seconds. */
    record Batch(int size, String tenant, List<String> ids, int rejected, Duration submit, Duration allTerminal, boolean complete,
                 Map<String, Long> outcomes, long tasks, double p50, double p99, double max, Map<String, Long> purchases) {
    }

    private BusinessBatches() {
    }

    static Batch run(int size, Duration deadline) throws Exception {
        Instant start = Instant.now();
        String tenant = "bench-" + size + "-" + start.getEpochSecond();
        List<String> ids = new ArrayList<>();
        int[] rejected = {0};
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            inFlight.acquire();
            String body = "{\"business_type\":\"" + TYPES.get(i % TYPES.size()) + "\",\"tenant_id\":\"" + tenant + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/businesses"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sends.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((reply, error) -> {
                inFlight.release();
                Matcher id = reply == null ? null : BUSINESS_ID.matcher(reply.body());
                synchronized (ids) {
                    if (reply != null && reply.statusCode() == 202 && id.find()) {
                        ids.add(id.group(1));
                    } else {
                        rejected[0]++;
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        Duration submitted = Duration.between(start, Instant.now());
        Instant until = start.plus(deadline);
        Map<String, Long> outcomes = Map.of();
        boolean complete = false;
        while (Instant.now().isBefore(until)) {
            outcomes = statuses(ids);
            long terminal = outcomes.entrySet().stream()
                    .filter(e -> List.of("SUCCESS", "FAILED", "BLOCKED").contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            if (terminal == ids.size()) {
                complete = true;
                break;
            }
            Thread.sleep(250);
        }
        Duration allTerminal = Duration.between(start, Instant.now());
        double[] times = executionTimes(ids);
        return new Batch(size, tenant, ids, rejected[0], submitted, allTerminal, complete, outcomes, tasks(ids),
                percentile(times, 0.50), percentile(times, 0.99), times.length == 0 ? 0 : times[times.length - 1], purchases(ids));
    }

    private static Map<String, Long> statuses(List<String> ids) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        query("SELECT status, COUNT(*) FROM businesses WHERE business_id = ANY (?) GROUP BY status", ids,
                rows -> counts.put(rows.getString(1), rows.getLong(2)));
        return counts;
    }

    /** Planned purchases by what became of them (PAID, SKIPPED, WAITING, RELEASED), and the CAPTURED charges. */
    private static Map<String, Long> purchases(List<String> ids) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        query("SELECT state, COUNT(*) FROM planned_purchases WHERE business_id = ANY (?) GROUP BY state", ids,
                rows -> counts.put(rows.getString(1), rows.getLong(2)));
        query("SELECT COUNT(*) FROM x402_payments WHERE business_id = ANY (?) AND kind = 'CHARGE' AND status = 'CAPTURED'", ids,
                rows -> counts.put("captured charges", rows.getLong(1)));
        return counts;
    }

    private static long tasks(List<String> ids) throws SQLException {
        long[] total = {0};
        query("SELECT COUNT(*) FROM business_tasks WHERE business_id = ANY (?)", ids, rows -> total[0] = rows.getLong(1));
        return total[0];
    }

    private static double[] executionTimes(List<String> ids) throws SQLException {
        List<Double> times = new ArrayList<>();
        query("SELECT execution_time_seconds FROM businesses WHERE business_id = ANY (?) AND execution_time_seconds IS NOT NULL",
                ids, rows -> times.add(rows.getDouble(1)));
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, List<String> ids, Row row) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
