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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scale-out on I/O-bound work (`mvn -B verify -Pbench -Dbench.role=api -Dit.test=ScalingBenchmark
 * -Dgenesis.bench.scale-workers=1,5,10`). With {@code bench.role=api} the test server only takes requests and N
 * {@link WorkerFleet} servers (role worker) do all the work: 1 api + N workers. With the default role {@code all} the
 * test server works too and N-1 fleet servers join it. For each N:
 * <ul>
 *   <li>tasks: {@code genesis.bench.scale-tasks-per-worker} × N tasks whose simulated agent waits on I/O for a
 *   latency drawn (seeded) from {@code genesis.bench.scale-latency-ms} ({@code 200-2000} by default; finance_agent,
 *   4 consumers per worker); tasks per minute from the first publish to the last row in PostgreSQL, p50/p99 submit
 *   latency of {@code POST /api/tasks};</li>
 *   <li>businesses: each size of {@code genesis.bench.scale-businesses} ({@code 100} by default; e.g. {@code 100,1000})
 *   created at once ({@link BusinessBatches}), businesses per minute to all terminal and p50/p99 end-to-end time;</li>
 *   <li>scaling efficiency of both rates (rate at N / (N × rate at 1)) and the heap each server uses.</li>
 * </ul>
 * Bounded: each round has a deadline; speed is reported, never asserted (the verdicts are that every task and every
 * business ended SUCCESS).
 */
class ScalingBenchmark {

    private static final String TOPIC = "genesis.finance";
    private static final Pattern HEAP = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.eE+]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Round(int workers, int tasks, Duration took, double tasksPerMinute, double p50Ms, double p99Ms,
                 List<Long> heapMiB, List<BusinessBatches.Batch> businesses) {
    }

    @Test
    void tasksPerMinuteGrowWithWorkersOnIoBoundWork() throws Exception {
        Await.ready();
        List<Integer> counts = numbers("genesis.bench.scale-workers", "1,2,3");
        List<Integer> businessSizes = numbers("genesis.bench.scale-businesses", "100");
        int perWorker = Integer.getInteger("genesis.bench.scale-tasks-per-worker", 200);
        String[] latency = System.getProperty("genesis.bench.scale-latency-ms", "200-2000").split("-");
        int minLatency = Integer.parseInt(latency[0].trim());
        int maxLatency = Integer.parseInt(latency[latency.length - 1].trim());
        boolean apiOnly = "api".equals(System.getProperty("genesis.bench.role", "all"));
        long businessSeconds = Long.getLong("genesis.bench.business-max-seconds", 900);
        List<Round> rounds = new ArrayList<>();
        for (int workers : counts) {
            int fleetSize = apiOnly ? workers : workers - 1;
            try (WorkerFleet fleet = fleetSize > 0 ? WorkerFleet.start(fleetSize) : null) {
                Await.until(workers + " workers alive", Duration.ofSeconds(60), () -> Api.get("/api/runtime").json(),
                        runtime -> runtime.getInt("workers_alive", 0) >= workers);
                Round tasks = round(workers, perWorker * workers, minLatency, maxLatency, fleet);
                List<BusinessBatches.Batch> businesses = new ArrayList<>();
                for (int size : businessSizes) {
                    BusinessBatches.Batch batch = BusinessBatches.run(size, Duration.ofSeconds(businessSeconds));
                    assertEquals(Long.valueOf(size), batch.outcomes().get("SUCCESS"),
                            "every business of the batch of " + size + " at " + workers + " workers: " + batch.outcomes());
                    businesses.add(batch);
                }
                rounds.add(new Round(tasks.workers(), tasks.tasks(), tasks.took(), tasks.tasksPerMinute(), tasks.p50Ms(),
                        tasks.p99Ms(), tasks.heapMiB(), businesses));
            }
        }
        ChaosRuns.report("scaling.md", report(rounds, minLatency, maxLatency, apiOnly));
    }

    private static List<Integer> numbers(String property, String fallback) {
        // an empty value (-Dgenesis.bench.scale-businesses=) skips that part of every round
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(Integer::parseInt).toList();
    }

    private static Round round(int workers, int tasks, int minLatency, int maxLatency, WorkerFleet fleet) throws Exception {
        Random draw = new Random(workers * 7919L);
        int[] latencies = IntStream.range(0, tasks).map(i -> minLatency + draw.nextInt(maxLatency - minLatency + 1)).toArray();
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
                            + "\",\"content\":{\"n\":" + n + ",\"simulate\":{\"latency_ms\":" + latencies[n] + "}}}");
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
                percentile(sorted, 0.99), heap, List.of());
    }

    private static String report(List<Round> rounds, int minLatency, int maxLatency, boolean apiOnly) {
        double base = rounds.stream().filter(r -> r.workers() == 1).mapToDouble(Round::tasksPerMinute).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder("# Scaling on I/O-bound work (" + (apiOnly ? "1 api + N workers" : "test server + N-1 workers")
                + "; tasks wait " + minLatency + "-" + maxLatency + " ms, finance_agent, 4 consumers per worker)\n\n"
                + "| workers | tasks | time | tasks/min | efficiency vs 1 | submit p50 | submit p99 | heap per server (MiB"
                + (apiOnly ? ", api first" : "") + ") |\n|---|---|---|---|---|---|---|---|\n");
        for (Round round : rounds) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.0f | %s | %.1f ms | %.1f ms | %s |%n",
                    round.workers(), round.tasks(), round.took().toMillis() / 1000.0, round.tasksPerMinute(),
                    efficiency(round.tasksPerMinute(), round.workers(), base), round.p50Ms(), round.p99Ms(), round.heapMiB()));
        }
        out.append("\n| workers | businesses at once | outcomes | time to all terminal | businesses/min | efficiency vs 1 | "
                + "end-to-end p50 / p99 |\n|---|---|---|---|---|---|---|\n");
        for (Round round : rounds) {
            for (BusinessBatches.Batch batch : round.businesses()) {
                double rate = batch.ids().size() * 60_000.0 / batch.allTerminal().toMillis();
                double single = rounds.stream().filter(r -> r.workers() == 1).flatMap(r -> r.businesses().stream())
                        .filter(b -> b.size() == batch.size())
                        .mapToDouble(b -> b.ids().size() * 60_000.0 / b.allTerminal().toMillis()).findFirst().orElse(Double.NaN);
                out.append(String.format(Locale.ROOT, "| %d | %d | %s | %.1f s%s | %.0f | %s | %.1f / %.1f s |%n",
                        round.workers(), batch.size(), batch.outcomes(), batch.allTerminal().toMillis() / 1000.0,
                        batch.complete() ? "" : " (INCOMPLETE)", rate, efficiency(rate, round.workers(), single),
                        batch.p50(), batch.p99()));
            }
        }
        return out.toString();
    }

    private static String efficiency(double rate, int workers, double single) {
        return Double.isNaN(single) ? "n/a" : String.format(Locale.ROOT, "%.2f", rate / (workers * single));
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
