package io.genesis.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/**
 * Startup: UP once the application context is initialised. Liveness: UP while this JVM is the process we
 * think it is (uptime, heap), without any remote call, so a Redis or PostgreSQL outage never restarts pods.
 */
@ApplicationScoped
public class ApplicationStarted {

    private volatile Instant startedAt;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        startedAt = Instant.now();
    }

    public boolean started() {
        return startedAt != null;
    }

    public Duration uptime() {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, Instant.now());
    }

    @Startup
    @ApplicationScoped
    static class StartupCheck implements HealthCheck {

        @jakarta.inject.Inject
        ApplicationStarted application;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("started").status(application.started()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    static class LivenessCheck implements HealthCheck {

        @jakarta.inject.Inject
        ApplicationStarted application;

        @Override
        public HealthCheckResponse call() {
            Runtime runtime = Runtime.getRuntime();
            long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            return HealthCheckResponse.named("application").up()
                    .withData("uptime_seconds", application.uptime().toSeconds())
                    .withData("jvm_uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                    .withData("heap_used_mb", usedMb)
                    .withData("heap_max_mb", runtime.maxMemory() / (1024 * 1024))
                    .build();
        }
    }
}
