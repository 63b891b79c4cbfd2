package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.ItServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis stopped mid-run, with a verdict (`mvn -B verify -Pbench -Dit.test=RedisOutageBenchmark`): 300 tasks of 300 ms
 * are accepted, then the Redis the server uses (the test's embedded one, append-only file on) is stopped for
 * {@code genesis.bench.redis-outage-seconds} (20) and started again; the application is not restarted. The run fails
 * unless intake answered every attempt during the outage with 503 + Retry-After (never a 500, never a 202 it could not
 * keep), intake accepts again after the restart, and every task accepted before the stop ends {@code success}.
 */
class RedisOutageBenchmark {

    private static final String TOPIC = "genesis.finance";

    @Test
    void everyTaskAcceptedBeforeTheOutageCompletesAndIntakeRefusesCleanlyMeanwhile() throws Exception {
        Await.ready();
        int tasks = Integer.getInteger("genesis.bench.redis-outage-tasks", 300);
        long outageSeconds = Long.getLong("genesis.bench.redis-outage-seconds", 20);
        String correlation = "redis-outage-" + UUID.randomUUID();
        ChaosRuns.publish(tasks, n -> body(correlation, n));

        List<String> duringOutage = new ArrayList<>();
        Instant stopped = Instant.now();
        ItServices.services().stopRedis();
        try {
            Await.during(Duration.ofSeconds(outageSeconds), () -> {
                Api.Reply reply = Api.post("/api/tasks", body("refused-" + correlation, 0));
                duringOutage.add(reply.status() + (reply.header("Retry-After") == null ? "" : "+Retry-After"));
            });
        } finally {
            ItServices.services().startRedis();
        }
        Instant restarted = Instant.now();
        Await.until("intake accepts again", Duration.ofSeconds(120),
                () -> Api.post("/api/tasks", body("after-" + correlation, 0)).status(), status -> status == 202);
        long resumeMs = Duration.between(restarted, Instant.now()).toMillis();
        Await.until("every accepted task recorded", Duration.ofSeconds(300), () -> ChaosRuns.recorded(correlation), n -> n >= tasks);
        long allDoneMs = Duration.between(stopped, Instant.now()).toMillis();
        Map<String, Long> outcomes = ChaosRuns.byStatus(correlation);
        long refusedCleanly = duringOutage.stream().filter("503+Retry-After"::equals).count();

        ChaosRuns.report("redis-outage.md", """
                # Redis stopped for %d s mid-run (append-only file on; application not restarted)

                | tasks accepted before | intake calls during the outage | 503 + Retry-After | intake back after restart | all recorded after the stop | outcomes |
                |---|---|---|---|---|---|
                | %d | %d | %d | %d ms | %d ms | %s |
                """.formatted(outageSeconds, tasks, duringOutage.size(), refusedCleanly, resumeMs, allDoneMs, outcomes));

        assertTrue(!duringOutage.isEmpty() && refusedCleanly == duringOutage.size(),
                "every intake call during the outage is 503 with Retry-After: " + duringOutage);
        assertEquals(Map.of("success", (long) tasks), outcomes, "every task accepted before the stop completed");
    }

    private static String body(String correlation, int n) {
        return "{\"topic\":\"" + TOPIC + "\",\"correlation_id\":\"" + correlation + "\",\"content\":{\"n\":" + n
                + ",\"simulate\":{\"latency_ms\":300}}}";
    }
}
