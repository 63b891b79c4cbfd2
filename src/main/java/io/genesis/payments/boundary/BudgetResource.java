package io.genesis.payments.boundary;

import io.genesis.payments.Budget;
import io.genesis.payments.Budgets;
import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.PaymentSettings;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentRegistry;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

/**
 * {@code GET /api/budgets}, {@code GET /api/budgets/{agent}}: every agent's or one agent's daily limit and what the
 * caller's tenant committed of it today (operators: their token's tenant or the one named by {@code ?tenant_id=} or
 * {@code X-Tenant-Id}). {@code PUT /api/budgets/{agent} {"daily_limit_cents": N, "tenant_only": false}} (operators): the
 * agent's limit in every tenant, or with {@code tenant_only} in the resolved tenant alone (it then wins over the limit for
 * every tenant), recorded as set by the subject of the operator's token ({@code updated_by} in the body is ignored).
 * Businesses waiting for that agent's budget are looked at again.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("budgets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class BudgetResource {

    @Inject
    Budgets budgets;

    @Inject
    AgentRegistry agents;

    @Inject
    PaymentSettings settings;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "Every agent's daily budget",
            description = "Each agent's daily limit and the tenant's committed and remaining cents today (UTC).")
    @GET
    public List<Budget> all(@QueryParam("tenant_id") String tenantId, @HeaderParam(TenantResolver.HEADER) String header) {
        return budgets.all(tenants.resolve(tenantId, header));
    }

    @Operation(summary = "One agent's daily budget",
            description = "The agent's daily limit and the tenant's committed and remaining cents today (UTC); an unknown agent is a 404.")
    @GET
    @Path("{agent}")
    public Budget one(@PathParam("agent") String agent, @QueryParam("tenant_id") String tenantId,
                      @HeaderParam(TenantResolver.HEADER) String header) {
        return budgets.of(tenants.resolve(tenantId, header), known(agent));
    }

    @Operation(summary = "Set an agent's daily budget",
            description = "`{\"daily_limit_cents\": N}`: the limit in every tenant, recorded as set by the token's subject.")
    @RolesAllowed(Roles.OPERATOR)
    @RequestBody(description = "The daily limit, for every tenant or (tenant_only) the resolved one", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"daily_limit_cents\":60000,\"tenant_only\":false}")))
    @PUT
    @Path("{agent}")
    public Budget set(@PathParam("agent") String agent, @QueryParam("tenant_id") String tenantId,
                      @HeaderParam(TenantResolver.HEADER) String header,
                      @Valid @NotNull(message = PaymentBodies.BODY_REQUIRED) PaymentBodies.BudgetLimit body) {
        known(agent);
        long cents = body.dailyLimitCents();
        if (cents < 0 || cents > settings.absurdAmountCents()) {
            throw InvalidPaymentRequest.unprocessable("daily_limit_cents", "daily_limit_cents must be between 0 and "
                    + settings.absurdAmountCents() + ", not " + cents);
        }
        return budgets.set(tenants.resolve(tenantId, header), agent, cents, body.forTenantOnly(), Callers.subject(tenants));
    }

    private String known(String agent) {
        if (agents.byAgent(agent).isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "Unknown agent '" + agent + "'").with("field", "agent"));
        }
        return agent;
    }
}
