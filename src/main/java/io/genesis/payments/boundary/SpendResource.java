package io.genesis.payments.boundary;

import io.genesis.outbound.OutboundUrls;

import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.SpendSummaries;
import io.genesis.payments.SpendSummary;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.webhook.DeliveryStatus;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/businesses/{id}/spend}: the business's spend summary; {@code POST .../spend/notifications}: send it
 * to the spend-summary webhook now (202 with the delivery id; 409 when no webhook URL is configured);
 * {@code GET .../spend/notifications/{delivery_id}}: how that delivery went. Everything within the caller's tenant
 * (operators: every tenant, or {@code ?tenant_id=}): another tenant's charges under the same business id count nothing,
 * and another tenant's delivery is 404.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("businesses/{id}/spend")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SpendResource {

    @Inject
    SpendSummaries summaries;

    @Inject
    TenantResolver tenants;

    @Inject
    OutboundUrls outboundUrls;

    @Context
    UriInfo uriInfo;

    @Operation(summary = "A business's spend summary",
            description = "Total, approved, denied and pending spend of the business, by vendor and by agent.")
    @GET
    public SpendSummary summary(@PathParam("id") String businessId, @QueryParam("tenant_id") String tenantId) {
        return summaries.summarize(Callers.scope(tenants, tenantId), valid(businessId));
    }

    /**
     * Optional body {@code {"webhook_url": "https://..."}} sends to that URL instead of the configured one. 202 with the
     * delivery id and, in {@code Location}, where its status is.
     */
    @Operation(summary = "Send the spend summary to the webhook now",
            description = "Queues the summary for the configured webhook (or `webhook_url` in the body); 202 with the delivery id, 409 when no webhook is configured.")
    @RolesAllowed({Roles.TENANT, Roles.OPERATOR})
    @RequestBody(description = "Optional: another webhook URL than the configured one", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"webhook_url\":\"https://hooks.example.com/genesis\"}")))
    @POST
    @Path("notifications")
    public Response notifyWebhook(@PathParam("id") String businessId, @QueryParam("tenant_id") String tenantId,
                                  @Valid PaymentBodies.SpendNotification body) {
        String url = body == null ? null : body.webhookUrl();
        return summaries.publish(Callers.scope(tenants, tenantId), valid(businessId),
                        Optional.ofNullable(url).map(given -> outboundUrls.checkGiven(given, "webhook_url")))
                .map(delivery -> Response.accepted(Map.of("business_id", businessId, "delivery_id", delivery))
                        .location(uriInfo.getAbsolutePathBuilder().path(delivery).build()).build())
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.CONFLICT,
                        "No spend-summary webhook is configured (genesis.payments.spend-summary.webhook-url)")));
    }

    /** How a summary delivery went, like {@code GET /api/tasks/{id}/webhook}; kept as long as task states. */
    @Operation(summary = "How a spend-summary delivery went",
            description = "State, attempts, last status and error of one spend-summary webhook delivery.")
    @GET
    @Path("notifications/{delivery}")
    public DeliveryStatus delivery(@PathParam("id") String businessId, @PathParam("delivery") String deliveryId,
                                   @QueryParam("tenant_id") String tenantId) {
        return summaries.delivery(Callers.scope(tenants, tenantId), valid(businessId), deliveryId).orElseThrow(() -> ProblemException.notFound(
                "No spend-summary delivery " + deliveryId + " for business " + businessId + " (unknown id, another"
                        + " business's or tenant's, or its record expired)"));
    }

    private static String valid(String businessId) {
        if (!businessId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw InvalidPaymentRequest.malformed("business_id", "business_id must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return businessId;
    }
}
