package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The synchronous in-request path against the async runtime for long requests
 * (`mvn -B verify -Pbench -Dit.test=SyncVsAsyncBenchmark`, see docs/benchmarks.md). Per round, N callers send one
 * {@code POST /api/invoke} each at once, all with a handler latency drawn from 6,000–7,000 ms (the seed's 60–70 s
 * scaled by 1/10, so that 1,000 of them fit a run), through the sync path (rollout 0 %) and the async path (100 %).
 * Each caller behaves like an A2A client with a deadline: it waits at most {@code client-timeout} for the answer of its
 * POST; a {@code 202} (the async path under load) is followed by polling {@code GET /api/tasks/{id}} every second until
 * the overall {@code deadline}. Reported per path and N: completed without timeout, timed out, other failures, wall
 * time from the first send to the last completion, throughput (completions per minute) and caller latency p50 / p99;
 * then the async/sync ratio of both. No verdict: it measures (the seed's target is 10×).
 */
class SyncVsAsyncBenchmark {

    private static final String TOPIC = System.getProperty("genesis.bench.topic", "genesis.analytics");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(32)).build();

    private record Outcome(boolean completed, boolean timedOut, long millis, String detail) {
    }

    private record Round(String path, int callers, int completed, int timedOut, int failed, long wallMs, long p50, long p99,
                         String failures) {

        double perMinute() {
            return wallMs == 0 ? 0 : completed * 60_000.0 / wallMs;
        }
    }

    @AfterEach
    void configuredShareAgain() {
        Api.delete("/api/runtime/rollout");
    }

    @Test
    void syncAgainstAsyncAtTenHundredAndAThousandLongRequests() throws Exception {
        Await.ready();
        List<Integer> sizes = Arrays.stream(System.getProperty("genesis.bench.sva-callers", "10,100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Duration clientTimeout = Duration.ofSeconds(Long.getLong("genesis.bench.sva-client-timeout-seconds", 30));
        Duration deadline = Duration.ofSeconds(Long.getLong("genesis.bench.sva-deadline-seconds", 120));
        StringBuilder table = new StringBuilder("""
                # Sync vs async, long requests (handler 6,000–7,000 ms = the seed's 60–70 s / 10)

                caller: POST /api/invoke, answer within %d s, then (async 202) polls every 1 s until %d s after its send

                | path | callers | completed without timeout | timed out | other failures | wall time | completions/min | caller p50 | caller p99 |
                |---|---|---|---|---|---|---|---|---|
                """.formatted(clientTimeout.toSeconds(), deadline.toSeconds()));
        StringBuilder ratios = new StringBuilder("\n| callers | completed sync → async | throughput ratio async/sync |\n|---|---|---|\n");
        for (int callers : sizes) {
            Round sync = round("sync", 0, callers, clientTimeout, deadline);
            Round async = round("async", 100, callers, clientTimeout, deadline);
            for (Round r : List.of(sync, async)) {
                table.append("| %s | %d | %d | %d | %d | %.1f s | %.0f | %.1f s | %.1f s |%n".formatted(r.path(), r.callers(), r.completed(),
                        r.timedOut(), r.failed(), r.wallMs() / 1000.0, r.perMinute(), r.p50() / 1000.0, r.p99() / 1000.0));
                if (!r.failures().isEmpty()) {
                    System.out.println(r.path() + " " + r.callers() + " failures: " + r.failures());
                }
            }
            ratios.append("| %d | %d → %d | %s |%n".formatted(callers, sync.completed(), async.completed(),
                    sync.perMinute() == 0 ? "∞ (sync completed none)" : "%.1f×".formatted(async.perMinute() / sync.perMinute())));
        }
        ChaosRuns.report("sync-vs-async.md", table.append(ratios).toString());
    }

    private Round round(String path, int asyncPercent, int callers, Duration clientTimeout, Duration deadline) throws Exception {
        Api.Reply share = Api.put("/api/runtime/rollout", "{\"async_percent\":" + asyncPercent + "}");
        assertEquals(200, share.status(), share.body());
        double syncBefore = syncAnswered();
        Random latencies = new Random(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            int latency = 6000 + latencies.nextInt(1001);
            String body = "{\"topic\":\"" + TOPIC + "\",\"content\":{\"caller\":" + i + ",\"simulate\":{\"latency_ms\":" + latency + "}}}";
            outcomes.add(pool.submit(() -> call(body, clientTimeout, deadline)));
        }
        List<Long> completedMs = new ArrayList<>();
        int timedOut = 0;
        int failed = 0;
        long last = start;
        Map<String, Integer> failures = new java.util.TreeMap<>();
        for (Future<Outcome> future : outcomes) {
            Outcome outcome = future.get(deadline.toSeconds() + 60, TimeUnit.SECONDS);
            if (outcome.completed()) {
                completedMs.add(outcome.millis());
                last = Math.max(last, start + outcome.millis() * 1_000_000);
            } else if (outcome.timedOut()) {
                timedOut++;
            } else {
                failed++;
                failures.merge(outcome.detail(), 1, Integer::sum);
            }
        }
        pool.shutdownNow();
        completedMs.sort(null);
        long wall = (last - start) / 1_000_000;
        // let the server finish what the callers gave up on before the next round: queued async tasks, and sync requests
        // still running (or queued for a thread) after their caller left
        Await.until("the agent's stream drained", Duration.ofSeconds(600), () -> pending(), n -> n == 0);
        if (asyncPercent == 0) {
            Await.until("every sync request answered", Duration.ofSeconds(600), () -> syncAnswered() - syncBefore, n -> n >= callers);
        }
        return new Round(path, callers, completedMs.size(), timedOut, failed, wall, percentile(completedMs, 50),
                percentile(completedMs, 99), failures.toString());
    }

    private static Outcome call(String body, Duration clientTimeout, Duration deadline) {
        long begin = System.nanoTime();
        long end = begin + deadline.toNanos();
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/invoke"))
                    .timeout(clientTimeout).header("Content-Type", "application/json").header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                    .header("X-Request-Id", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject task = json(answer.body());
            if (answer.statusCode() == 200) {
                return finished(task, begin);
            }
            if (answer.statusCode() != 202) {
                return new Outcome(false, false, 0, "HTTP " + answer.statusCode());
            }
            String id = task.getString("task_id");
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                HttpResponse<String> poll = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/tasks/" + id))
                        .timeout(clientTimeout).header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (poll.statusCode() == 200) {
                    JsonObject state = json(poll.body());
                    if (List.of("completed", "failed", "dead_lettered", "timed_out", "cancelled").contains(state.getString("status", ""))) {
                        return finished(state, begin);
                    }
                }
            }
            return new Outcome(false, true, 0, "deadline");
        } catch (HttpTimeoutException e) {
            return new Outcome(false, true, 0, "client timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, 0, "interrupted");
        } catch (Exception e) {
            return new Outcome(false, false, 0, e.getClass().getSimpleName());
        }
    }

    private static Outcome finished(JsonObject task, long begin) {
        long millis = (System.nanoTime() - begin) / 1_000_000;
        String status = task.getString("status", "");
        return "completed".equals(status) ? new Outcome(true, false, millis, status) : new Outcome(false, false, millis, "task " + status);
    }

    private static long pending() {
        HttpResponse<String> runtime;
        try {
            runtime = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/runtime")).header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return -1;
        }
        return json(runtime.body()).getJsonNumber("pending").longValue();
    }

    /** Sync-path invokes this server answered so far (omnidaemon_invokes_total{path="sync"}, every outcome). */
    private static double syncAnswered() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/metrics?scope=application")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("omnidaemon_invokes_total{") && line.contains("path=\"sync\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
