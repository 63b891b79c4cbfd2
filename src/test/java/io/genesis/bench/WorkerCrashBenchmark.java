package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.Tasks;
import io.genesis.it.WorkerFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chaos with a verdict (`mvn -B verify -Pbench -Dit.test=WorkerCrashBenchmark`): three workers (the test server, role
 * all, and two {@link WorkerFleet} servers of role worker) share {@value #TASKS_DEFAULT} tasks of 250 ms each; one fleet
 * worker is killed with SIGKILL while it holds deliveries. Verdict: every task ends {@code success} in PostgreSQL (none
 * lost), the tasks whose handler ran more than once are at most those the killed worker held (its pending entries at the
 * kill), and the time until the others had taken all of them over is reported. The lease the IT server runs with
 * ({@code genesis.runtime.lease-seconds=6}) bounds that time from below.
 */
class WorkerCrashBenchmark {

    private static final int TASKS_DEFAULT = 1000;
    private static final String TOPIC = "genesis.finance";
    private static final String STREAM = "omni-stream:" + TOPIC;
    private static final String GROUP = "group:finance_agent";

    @Test
    void killingOneOfThreeWorkersLosesNoTaskAndRepeatsOnlyWhatItHeld() throws Exception {
        Await.ready();
        int tasks = Integer.getInteger("genesis.bench.crash-tasks", TASKS_DEFAULT);
        try (WorkerFleet fleet = WorkerFleet.start(2)) {
            Await.until("three workers alive", Duration.ofSeconds(60), () -> Api.get("/api/runtime").json(),
                    runtime -> runtime.getInt("workers_alive", 0) >= 3);
            WorkerFleet.Member victim = fleet.members().get(0);
            String correlation = "crash-" + UUID.randomUUID();

            Instant published = Instant.now();
            ChaosRuns.publish(tasks, n -> "{\"topic\":\"" + TOPIC + "\",\"correlation_id\":\"" + correlation
                    + "\",\"content\":{\"n\":" + n + ",\"simulate\":{\"latency_ms\":250}}}");
            Duration publishing = Duration.between(published, Instant.now());
            Await.until(victim.workerId() + " holds deliveries", Duration.ofSeconds(60), () -> pendingOf(victim.workerId()),
                    pending -> pending > 0);

            fleet.kill9(victim);
            Instant killed = Instant.now();
            long heldAtKill = pendingOf(victim.workerId());
            Await.until("the killed worker's deliveries taken over", Duration.ofSeconds(120),
                    () -> pendingOf(victim.workerId()), pending -> pending == 0);
            long recoveryMs = WorkerFleet.millisSince(killed);
            Await.until("every task recorded", Duration.ofSeconds(300), () -> ChaosRuns.recorded(correlation), count -> count >= tasks);
            Duration total = Duration.between(published, Instant.now());

            Map<String, Long> byStatus = ChaosRuns.byStatus(correlation);
            long repeated = ChaosRuns.repeated(correlation);
            String report = """
                    # Worker crash (kill -9 of one of three workers)

                    | tasks | published in | held by the killed worker | recovery (its deliveries taken over) | all recorded after | outcomes | handler runs repeated |
                    |---|---|---|---|---|---|---|
                    | %d | %d ms | %d | %d ms | %d ms | %s | %d |
                    """.formatted(tasks, publishing.toMillis(), heldAtKill, recoveryMs, total.toMillis(), byStatus, repeated);
            ChaosRuns.report("worker-crash.md", report);

            assertTrue(heldAtKill > 0, "the killed worker held deliveries when it died");
            assertEquals(Map.of("success", (long) tasks), byStatus, "every task completed, none lost");
            assertTrue(repeated <= heldAtKill, "handler runs repeated (" + repeated + ") at most the deliveries the killed worker held ("
                    + heldAtKill + ")");
        }
    }

    private static long pendingOf(String consumer) {
        Long pending = Tasks.redis().xpending(STREAM, GROUP).getConsumerMessageCount().get(consumer);
        return pending == null ? 0 : pending;
    }
}
