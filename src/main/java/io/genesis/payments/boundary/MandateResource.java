package io.genesis.payments.boundary;

import io.genesis.api.QueryParameters;
import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.Mandate;
import io.genesis.payments.MandateNotFound;
import io.genesis.payments.MandateRevocations;
import io.genesis.payments.store.MandateStore;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * {@code GET /api/payments/mandates[?business_id=&agent_id=&status=&limit=]} (newest first),
 * {@code GET /api/payments/mandates/{id}} and {@code POST /api/payments/mandates/{id}/revoke} {@code {"reason"}}: the AP2
 * mandates purchases are made under, and revoking an agent's open one. Within the caller's tenant (operators: every
 * tenant, or {@code ?tenant_id=}); another tenant's mandate is 404. Who revoked is the subject of the caller's token
 * ({@code revoked_by} in the body is accepted and ignored).
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("payments/mandates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class MandateResource {

    private static final List<String> STATUSES = List.of(Mandate.ACTIVE, Mandate.REVOKED, Mandate.CLOSED);
    private static final int MAX_REASON = 1024;

    @Inject
    MandateStore mandates;

    @Inject
    MandateRevocations revocations;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "List AP2 mandates",
            description = "The caller's tenant's open and closed mandates, newest first.")
    @GET
    public List<Mandate> list(@QueryParam("business_id") String businessId, @QueryParam("agent_id") String agentId,
                              @QueryParam("status") String status, @QueryParam("limit") String limit,
                              @QueryParam("tenant_id") String tenantId) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw InvalidPaymentRequest.malformed("status", "status must be one of " + STATUSES);
        }
        return mandates.list(Callers.scope(tenants, tenantId), new MandateStore.Filter(businessId, agentId, status),
                QueryParameters.limit(limit, PaymentResource.LIST_DEFAULT, PaymentResource.LIST_MAX));
    }

    @Operation(summary = "An AP2 mandate",
            description = "The mandate as issued, its status, validity and revocation.")
    @GET
    @Path("{id}")
    public Mandate one(@PathParam("id") String mandateId) {
        return mandates.find(Callers.scope(tenants, null), mandateId).orElseThrow(() -> new MandateNotFound(mandateId));
    }

    /**
     * Revokes an open mandate: the agent's purchases for the business are denied MANDATE_INVALID from now on, its
     * charges awaiting a human are denied and its uncaptured authorizations voided. Repeating it is a no-op answered
     * with {@code Idempotent-Replayed: true}.
     */
    @Operation(summary = "Revoke a mandate",
            description = "`{\"reason\"}`: stops the agent paying for the business under this mandate; a repeat is replayed.")
    @RolesAllowed({Roles.TENANT, Roles.OPERATOR})
    @RequestBody(description = "Why the mandate is revoked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"reason\":\"business paused\"}")))
    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") String mandateId,
                           @Valid @NotNull(message = PaymentBodies.BODY_REQUIRED) PaymentBodies.Revocation body) {
        String reason = required(body.reason(), "reason", MAX_REASON);
        MandateRevocations.Revoked revoked = revocations.revoke(Callers.scope(tenants, null), mandateId, Callers.subject(tenants),
                reason);
        Response.ResponseBuilder answer = Response.ok(revoked.mandate());
        return (revoked.replayed() ? answer.header("Idempotent-Replayed", "true") : answer).build();
    }

    /** A required text member: 400 when missing, not a string or blank, 422 when longer than {@code max}. */
    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidPaymentRequest.malformed(name, name + " (1-" + max + " characters) is required");
        }
        if (value.length() > max) {
            throw InvalidPaymentRequest.unprocessable(name, name + " is longer than " + max + " characters");
        }
        return value.trim();
    }
}
