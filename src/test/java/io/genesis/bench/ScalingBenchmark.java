package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.WorkerFleet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scale-out on I/O-bound work (`mvn -B verify -Pbench -Dit.test=ScalingBenchmark -Dgenesis.bench.scale-workers=1,5,10`):
 * for each worker count N, the test server (role all) plus N-1 {@link WorkerFleet} servers (role worker) share
 * {@code genesis.bench.scale-tasks-per-worker} × N tasks of {@code genesis.bench.scale-latency-ms} each (a simulated
 * agent waiting on I/O; finance_agent, 4 consumers per worker). Reports tasks per minute from the first publish to the
 * last row in PostgreSQL, scaling efficiency (rate at N / (N × rate at 1)), p50/p99 submit latency of
 * {@code POST /api/tasks} and the heap each worker uses. Bounded: each round has a deadline; speed is reported, never
 * asserted (the only verdict is that every task completed).
 */
class ScalingBenchmark {

    private static final String TOPIC = "genesis.finance";
    private static final Pattern HEAP = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.eE+]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Round(int workers, int tasks, Duration took, double tasksPerMinute, double p50Ms, double p99Ms,
                 List<Long> heapMiB) {
    }

    @Test
    void tasksPerMinuteGrowWithWorkersOnIoBoundWork() throws Exception {
        Await.ready();
        List<Integer> counts = Arrays.stream(System.getProperty("genesis.bench.scale-workers", "1,2,3").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int perWorker = Integer.getInteger("genesis.bench.scale-tasks-per-worker", 200);
        int latencyMs = Integer.getInteger("genesis.bench.scale-latency-ms", 500);
        List<Round> rounds = new ArrayList<>();
        for (int workers : counts) {
            try (WorkerFleet fleet = workers > 1 ? WorkerFleet.start(workers - 1) : null) {
                Await.until(workers + " workers alive", Duration.ofSeconds(60), () -> Api.get("/api/runtime").json(),
                        runtime -> runtime.getInt("workers_alive", 0) >= workers);
                rounds.add(round(workers, perWorker * workers, latencyMs, fleet));
            }
        }
        String report = report(rounds, latencyMs);
        ChaosRuns.report("scaling.md", report);
    }

    private static Round round(int workers, int tasks, int latencyMs, WorkerFleet fleet) throws Exception {
        String correlation = "scale-" + workers + "-" + UUID.randomUUID();
        List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                sent.add(publishers.submit(() -> {
                    long begin = System.nanoTime();
                    Api.Reply reply = Api.post("/api/tasks", "{\"topic\":\"" + TOPIC + "\",\"correlation_id\":\"" + correlation
                            + "\",\"content\":{\"n\":" + n + ",\"simulate\":{\"latency_ms\":" + latencyMs + "}}}");
                    submitNanos.add(System.nanoTime() - begin);
                    assertEquals(202, reply.status(), reply.body());
                }));
            }
            for (Future<?> one : sent) {
                one.get(120, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }
        Await.until("round of " + workers + " workers recorded", Duration.ofSeconds(600), () -> ChaosRuns.recorded(correlation),
                count -> count >= tasks);
        Duration took = Duration.between(start, Instant.now());
        assertEquals(tasks, ChaosRuns.byStatus(correlation).getOrDefault("success", 0L), "every task of the round completed");
        List<Long> heap = new ArrayList<>();
        heap.add(heapMiB(URI.create(Api.BASE).getPort()));
        if (fleet != null) {
            fleet.members().forEach(member -> heap.add(heapMiB(member.httpPort())));
        }
        List<Long> sorted = submitNanos.stream().sorted().toList();
        return new Round(workers, tasks, took, tasks * 60_000.0 / took.toMillis(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), heap);
    }

    private static String report(List<Round> rounds, int latencyMs) {
        double base = rounds.stream().filter(r -> r.workers() == 1).mapToDouble(Round::tasksPerMinute).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder("# Scaling on I/O-bound work (" + latencyMs + " ms per task, finance_agent, 4 consumers per worker)\n\n"
                + "| workers | tasks | time | tasks/min | efficiency vs 1 | submit p50 | submit p99 | heap per worker (MiB) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Round round : rounds) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.0f | %s | %.1f ms | %.1f ms | %s |%n",
                    round.workers(), round.tasks(), round.took().toMillis() / 1000.0, round.tasksPerMinute(),
                    Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%.2f", round.tasksPerMinute() / (round.workers() * base)),
                    round.p50Ms(), round.p99Ms(), round.heapMiB()));
        }
        return out.toString();
    }

    private static double percentile(List<Long> sortedNanos, double share) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(share * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }

    private static long heapMiB(int port) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics?scope=base"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher heap = HEAP.matcher(metrics);
            return heap.find() ? (long) (Double.parseDouble(heap.group(1)) / (1024 * 1024)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
