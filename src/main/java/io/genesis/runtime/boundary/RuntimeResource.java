package io.genesis.runtime.boundary;

import io.genesis.runtime.ops.RuntimeOverview;
import io.genesis.runtime.ops.RuntimeReport;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/runtime}: the {@code omnidaemon health} equivalent. Always 200 when this worker can answer: a
 * status page reports {@code down} in its body rather than failing itself.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("runtime")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RuntimeResource {

    @Inject
    RuntimeOverview overview;

    @Operation(summary = "Runtime health: Redis, workers, queue depth",
            description = "`running`, `degraded` (no live worker) or `down` (Redis unreachable), with every worker's last heartbeat and in-flight count, queue depth, pending entries and dead-letter depth. Always 200 while this worker can answer.")
    @GET
    public RuntimeReport status() {
        return overview.report();
    }
}
