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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purchases through the real server and the simulated x402 world (`mvn -B verify -Pbench -Dit.test=PaymentsBenchmark`):
 * each purchase is the full path (vendor 402, rules with the atomic budget reservation, EIP-712 signature, vendor
 * verify + settle at the facilitator, ledger rows). Phases: sequential one-shot purchases (latency), concurrent
 * one-shot purchases (throughput), staged authorize + capture. Every phase has a count and a time bound; nothing is
 * asserted about speed. Output: stdout and {@code target/benchmark/payments-benchmark.md}.
 */
class PaymentsBenchmark {

    private static final String AGENT = "research_agent";
    private static final Pattern PAYMENT_ID = Pattern.compile("\"payment_id\":\"(pay_[A-Za-z0-9_-]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String vendor = "http://127.0.0.1:" + URI.create(Api.BASE).getPort() + "/sim/x402/vendors/llm-premium/v1/complete";
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> businesses = new ArrayList<>();

    private record Phase(String name, int attempted, int ok, Duration elapsed, Samples latency, Samples second,
                         Map<String, Long> cpuBefore, Map<String, Long> cpuAfter) {
    }

    @Test
    void purchases() throws Exception {
        Await.ready();
        int sequential = Integer.getInteger("genesis.bench.payments.sequential", 500);
        int concurrent = Integer.getInteger("genesis.bench.payments.concurrent", 2000);
        int inFlight = Integer.getInteger("genesis.bench.payments.in-flight", 16);
        int staged = Integer.getInteger("genesis.bench.payments.staged", 300);
        Duration bound = Duration.ofSeconds(Long.getLong("genesis.bench.payments.phase-max-seconds", 180));
        setBudget();
        ProcessCpu cpu = ProcessCpu.benchmarkProcesses();

        oneShot("warm-up", 200, 4, bound, cpu);
        List<Phase> phases = List.of(
                oneShot("sequential one-shot purchases", sequential, 1, bound, cpu),
                oneShot("concurrent one-shot purchases (" + inFlight + " in flight)", concurrent, inFlight, bound, cpu),
                staged("staged purchases: authorize, then capture", staged, bound, cpu));
        report(phases, statuses());
    }

    /** Daily budget and velocity high enough that only the rules' cost is measured, never a denial. */
    private void setBudget() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/budgets/" + AGENT))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"daily_limit_cents\":1000000,\"updated_by\":\"benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("budget not set: " + reply.statusCode() + " " + reply.body());
        }
    }

    private Phase oneShot(String name, int count, int threads, Duration bound, ProcessCpu cpu) throws Exception {
        Samples latency = new Samples(count);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Instant deadline = Instant.now().plus(bound);
        Map<String, Long> before = cpu.snapshot();
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count && Instant.now().isBefore(deadline)) {
                        long begin = System.nanoTime();
                        HttpResponse<String> reply = purchase("ONE_SHOT");
                        latency.add(System.nanoTime() - begin);
                        if (reply.statusCode() == 201 && "CAPTURED".equals(status(reply.body()))) {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.between(start, Instant.now());
        return new Phase(name, latency.count(), ok.get(), elapsed, latency, null, before, cpu.snapshot());
    }

    private Phase staged(String name, int count, Duration bound, ProcessCpu cpu) throws Exception {
        Samples authorize = new Samples(count);
        Samples capture = new Samples(count);
        int ok = 0;
        Instant deadline = Instant.now().plus(bound);
        Map<String, Long> before = cpu.snapshot();
        Instant start = Instant.now();
        for (int i = 0; i < count && Instant.now().isBefore(deadline); i++) {
            long begin = System.nanoTime();
            HttpResponse<String> authorized = purchase("STAGED");
            authorize.add(System.nanoTime() - begin);
            Matcher id = PAYMENT_ID.matcher(authorized.body());
            if (authorized.statusCode() != 201 || !"AUTHORIZED".equals(status(authorized.body())) || !id.find()) {
                continue;
            }
            begin = System.nanoTime();
            HttpResponse<String> captured = http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/payments/" + id.group(1) + "/capture"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":\"benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
            capture.add(System.nanoTime() - begin);
            if (captured.statusCode() == 200 && "CAPTURED".equals(status(captured.body()))) {
                ok++;
            }
        }
        Duration elapsed = Duration.between(start, Instant.now());
        return new Phase(name, authorize.count(), ok, elapsed, authorize, capture, before, cpu.snapshot());
    }

    /** One purchase of the 25-cent completion, each with its own body (so no duplicate-charge rule) and business per 1,000. */
    private HttpResponse<String> purchase(String mode) throws IOException, InterruptedException {
        int n = sequence.getAndIncrement();
        String business = business(n / 1000);
        String body = "{\"business_id\":\"" + business + "\",\"agent_id\":\"" + AGENT + "\",\"vendor_url\":\"" + vendor
                + "\",\"purpose\":\"benchmark completion\",\"mode\":\"" + mode + "\",\"body\":{\"prompt\":\"question " + n + "\"}}";
        return http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/payments"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", "bench_" + run + "_" + n)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private synchronized String business(int index) {
        while (businesses.size() <= index) {
            businesses.add("biz_bench_" + run + "_" + businesses.size());
        }
        return businesses.get(index);
    }

    private static String status(String body) {
        Matcher status = STATUS.matcher(body);
        return status.find() ? status.group(1) : null;
    }

    private Map<String, Long> statuses() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT status, COUNT(*) FROM x402_payments WHERE business_id = ANY (?) GROUP BY status")) {
            select.setArray(1, db.createArrayOf("varchar", businesses.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void report(List<Phase> phases, Map<String, Long> statuses) throws IOException {
        StringBuilder out = new StringBuilder("# Payments benchmark\n\n| what | value |\n|---|---|\n")
                .append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" |\n")
                .append("| CPUs | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n")
                .append("| purchase | ").append(AGENT).append(", simulated llm-premium vendor (25 cents), x402 v2 exact, EIP-712 signed; "
                        + "each purchase = the server's own vendor + facilitator requests in process |\n\n")
                .append("| phase | purchases | ok | elapsed | purchases/s | latency p50 / p99 / max | CPU per purchase (ms) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            double seconds = phase.elapsed().toMillis() / 1000.0;
            String latency = String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", phase.latency().percentileMs(50),
                    phase.latency().percentileMs(99), phase.latency().maxMs());
            if (phase.second() != null) {
                latency = "authorize " + latency + String.format(Locale.ROOT, "; capture %.1f / %.1f / %.1f ms",
                        phase.second().percentileMs(50), phase.second().percentileMs(99), phase.second().maxMs());
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f s | %.0f | %s | %s |%n", phase.name(), phase.attempted(),
                    phase.ok(), seconds, phase.attempted() / seconds, latency,
                    ProcessCpu.perUnit(phase.cpuBefore(), phase.cpuAfter(), phase.attempted())));
        }
        out.append("\nRows of the benchmark's businesses in `x402_payments` by status (warm-up included): ").append(statuses).append('\n');
        System.out.println(out);
        Path dir = Path.of(System.getProperty("genesis.bench.output-dir", "target/benchmark"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("payments-benchmark.md"), out);
    }
}
