package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.Database;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many business creations at once through the real server (`mvn -B verify -Pbench`): each batch (default 100, then
 * 1,000) is POSTed concurrently, round-robin over the ten business types, as a tenant of its own (so each batch starts
 * with the tenant's full daily budgets), and followed in PostgreSQL until every business is terminal. Reports outcomes,
 * time to all-terminal, businesses per minute, tasks per second, execution time percentiles, and the purchases the
 * Meta-Agent's planning made, skipped or held waiting for budget. Bounded: every batch has a deadline; nothing is
 * asserted about speed.
 */
class BusinessBenchmark {

    private static final List<String> TYPES = List.of("saas_tool", "content_website", "ecommerce_store",
            "landing_page_waitlist", "saas_dashboard", "marketplace", "ai_chatbot_service", "api_service",
            "newsletter_automation", "no_code_tool");
    private static final Pattern BUSINESS_ID = Pattern.compile("\"business_id\":\"(biz_[0-9a-f]+)\"");
    private static final int IN_FLIGHT = 32;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Batch(int size, String tenant, List<String> ids, int rejected, Duration submit, Duration allTerminal, boolean complete,
                 Map<String, Long> outcomes, long tasks, double p50, double p99, double max, Map<String, Long> purchases) {
    }

    @Test
    void concurrentBusinessCreations() throws Exception {
        Await.ready();
        List<Integer> sizes = Arrays.stream(System.getProperty("genesis.bench.businesses", "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        long maxSeconds = Long.getLong("genesis.bench.business-max-seconds", 900);
        List<Batch> batches = new ArrayList<>();
        for (int size : sizes) {
            batches.add(run(size, Duration.ofSeconds(maxSeconds)));
        }
        report(batches);
    }

    private Batch run(int size, Duration deadline) throws Exception {
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
            sends.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((reply, error) -> {
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

    private static void report(List<Batch> batches) throws IOException {
        StringBuilder out = new StringBuilder("# Business creation benchmark\n\n")
                .append("| what | value |\n|---|---|\n")
                .append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" |\n")
                .append("| CPUs | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n")
                .append("| server settings | ").append(System.getProperty("genesis.bench.server-settings", "")).append(" |\n\n")
                .append("| businesses | tenant | accepted | outcomes | time to all terminal | businesses/min | tasks | tasks/s | "
                        + "execution time p50 / p99 / max | planned purchases |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Batch b : batches) {
            double seconds = b.allTerminal().toMillis() / 1000.0;
            out.append(String.format(Locale.ROOT, "| %d | %s | %d (%d rejected, submitted in %.1f s) | %s | %.1f s%s | %.0f | %d | %.0f | %.1f / %.1f / %.1f s | %s |%n",
                    b.size(), b.tenant(), b.ids().size(), b.rejected(), b.submit().toMillis() / 1000.0, b.outcomes(), seconds,
                    b.complete() ? "" : " (INCOMPLETE at deadline)", b.ids().size() / seconds * 60, b.tasks(),
                    b.tasks() / seconds, b.p50(), b.p99(), b.max(), b.purchases()));
        }
        System.out.println(out);
        Path dir = Path.of(System.getProperty("genesis.bench.output-dir", "target/benchmark"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("business-benchmark-" + System.getProperty("genesis.bench.label", "default") + ".md"), out);
    }
}
