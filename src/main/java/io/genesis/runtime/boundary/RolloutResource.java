package io.genesis.runtime.boundary;

import io.genesis.runtime.Rollout;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The gradual move of {@code POST /api/invoke} from the synchronous path to the async runtime ({@link Rollout}):
 * {@code GET /api/runtime/rollout} shows the share in force, {@code PUT} sets it for every server at once (no restart),
 * {@code DELETE} returns to {@code genesis.rollout.async-percent}. Operators only.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("runtime/rollout")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    private static final String PERCENT_RULE = "must be a whole number from 0 to 100: {\"async_percent\": 10}";

    /** {@code {"async_percent": 10}}. */
    public record ShareRequest(@NotNull(message = PERCENT_RULE) @Min(value = 0, message = PERCENT_RULE)
                               @Max(value = 100, message = PERCENT_RULE) Integer asyncPercent) {
    }

    @Inject
    Rollout rollout;

    @Operation(summary = "The invoke rollout share in force",
            description = "Which share of `POST /api/invoke` calls goes to the async runtime (the rest runs synchronously in the request), and where it was set.")
    @GET
    public Rollout.Share share() {
        return rollout.share();
    }

    @Operation(summary = "Set the invoke rollout share",
            description = "`{\"async_percent\": 0-100}`: the share of `POST /api/invoke` calls sent to the async runtime, for every server at once, without a restart.")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Rollout.Share set(@Valid @NotNull(message = PERCENT_RULE) ShareRequest request) {
        return rollout.set(request.asyncPercent());
    }

    @Operation(summary = "Reset the invoke rollout share",
            description = "Returns to the configured share (`genesis.rollout.async-percent`).")
    @DELETE
    public Rollout.Share reset() {
        return rollout.reset();
    }
}
