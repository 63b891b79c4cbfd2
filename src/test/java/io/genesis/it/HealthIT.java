package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MicroProfile Health and metrics as an orchestrator (Kubernetes probes, Prometheus) sees them. */
class HealthIT {

    @BeforeEach
    void serverIsReady() {
        Await.ready();
    }

    @Test
    void readinessReportsRedisAndPostgresqlByName() {
        Map<String, String> checks = checks(Api.get("/health/ready").json());
        assertEquals("UP", checks.get("redis"), checks.toString());
        assertEquals("UP", checks.get("postgresql"), checks.toString());
    }

    @Test
    void livenessAndStartupAreUp() {
        assertEquals(200, Api.get("/health/live").status());
        assertEquals(200, Api.get("/health/started").status());
    }

    @Test
    void readinessGoesDownWhenRedisStopsAndUpWhenItReturns() throws IOException {
        ItServices.services().stopRedis();
        try {
            Api.Reply down = Await.until("readiness DOWN without Redis", Duration.ofSeconds(30),
                    () -> Api.get("/health/ready"), reply -> reply.status() == 503);
            Map<String, String> checks = checks(down.json());
            assertEquals("DOWN", checks.get("redis"), checks.toString());
            assertEquals("UP", checks.get("postgresql"), checks.toString());
            assertEquals(200, Api.get("/health/live").status(), "liveness must not depend on Redis");
        } finally {
            ItServices.services().startRedis();
        }
        Await.until("readiness UP again", Duration.ofSeconds(30), () -> Api.get("/health/ready"), reply -> reply.status() == 200);
    }

    @Test
    void readinessGoesDownWhenPostgresqlStopsAndUpWhenItReturns() throws IOException {
        ItServices.services().stopPostgres();
        try {
            Api.Reply down = Await.until("readiness DOWN without PostgreSQL", Duration.ofSeconds(30),
                    () -> Api.get("/health/ready"), reply -> reply.status() == 503);
            Map<String, String> checks = checks(down.json());
            assertEquals("DOWN", checks.get("postgresql"), checks.toString());
            assertEquals("UP", checks.get("redis"), checks.toString());
            assertEquals(200, Api.get("/health/live").status(), "liveness must not depend on PostgreSQL");
        } finally {
            ItServices.services().startPostgres(false);
        }
        Await.until("readiness UP again", Duration.ofSeconds(60), () -> Api.get("/health/ready"), reply -> reply.status() == 200);
    }

    @Test
    void metricsAreScrapableAsPrometheusTextWithoutLogin() {
        Api.Reply metrics = Api.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus exposition format");
    }

    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(value -> value.asJsonObject())
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status"), (a, b) -> a));
    }
}
