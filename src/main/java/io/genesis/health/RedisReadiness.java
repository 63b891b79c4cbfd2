package io.genesis.health;

import io.genesis.redis.RedisConnection;
import io.genesis.problem.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Redis answers PING. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("redis").withData("url", redis.describe());
        long started = System.nanoTime();
        try {
            String pong = redis.ping();
            if (!"PONG".equals(pong)) {
                return response.down().withData("error", "unexpected PING reply: " + pong).build();
            }
        } catch (RuntimeException e) {
            return response.down().withData("error", Failures.brief(e)).build();
        }
        return response.up().withData("round_trip_ms", (System.nanoTime() - started) / 1_000_000).build();
    }
}
