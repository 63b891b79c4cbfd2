package io.genesis.runtime.boundary;

import io.genesis.runtime.RuntimeWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of this worker's share of the bus: consumer loops alive (liveness), consumer groups in place (readiness).
 * A server of role api has no consumers: both report up, with the role in their data.
 */
public final class RuntimeHealth {

    private RuntimeHealth() {
    }

    @Liveness
    @ApplicationScoped
    public static class ConsumersAlive implements HealthCheck {

        @Inject
        RuntimeWorker worker;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("consumers")
                    .status(worker.consumersAlive())
                    .withData("role", worker.role().label())
                    .withData("in_flight", worker.inFlight())
                    .withData("stalled", String.join(",", worker.stalledConsumers()))
                    .build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class BusReady implements HealthCheck {

        @Inject
        RuntimeWorker worker;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("bus").status(worker.groupsReady()).withData("role", worker.role().label()).build();
        }
    }
}
