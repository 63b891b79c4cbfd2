package io.genesis.payments.boundary;

import io.genesis.api.HistoryWindow;
import io.genesis.api.QueryParameters;
import io.genesis.payments.HumanDecisions;
import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.Payment;
import io.genesis.payments.PaymentNotFound;
import io.genesis.payments.PaymentOutcome;
import io.genesis.payments.PaymentQueries;
import io.genesis.payments.PaymentSettings;
import io.genesis.payments.PaymentStatus;
import io.genesis.payments.PurchaseIntake;
import io.genesis.payments.PurchaseMode;
import io.genesis.payments.PurchaseRequest;
import io.genesis.payments.Refunds;
import io.genesis.payments.SpendOverview;
import io.genesis.payments.SpendSummaries;
import io.genesis.payments.StagedPayments;
import io.genesis.payments.TenantScope;
import io.genesis.payments.store.PaymentStore;
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

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/payments} (a purchase for an agent, {@code Idempotency-Key} required), {@code GET /api/payments[?…]},
 * {@code GET /api/payments/{id}}, {@code GET /api/payments/spend?window=} (spend by agent and vendor over a window),
 * {@code POST /api/payments/{id}/decision} and, for staged payments,
 * {@code POST /api/payments/{id}/capture | void | refund}. Everything acts within the caller's tenant (operators: every
 * tenant, or the {@code tenant_id} they filter on): another tenant's payment is 404 like a missing one. Who decided,
 * captured, voided or refunded is the subject of the caller's token; {@code decided_by} and {@code actor} in a body are
 * accepted and ignored.
 */
@RolesAllowed({Roles.TENANT, Roles.OPERATOR})
@Path("payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PaymentResource {

    /** {@code limit} of the payment and mandate lists: default and largest. */
    static final int LIST_DEFAULT = 50;
    static final int LIST_MAX = 500;

    private static final String IDEMPOTENCY = "Idempotency-Key";

    @Inject
    PurchaseIntake intake;

    @Inject
    HumanDecisions decisions;

    @Inject
    Refunds refunds;

    @Inject
    StagedPayments staged;

    @Inject
    PaymentQueries queries;

    @Inject
    PaymentSettings settings;

    @Inject
    SpendSummaries spend;

    @Inject
    TenantResolver tenants;

    @Context
    UriInfo uriInfo;

    @Operation(summary = "Buy from a vendor for an agent",
            description = "Asks the vendor for its x402 quote, runs the approval policy and pays (ONE_SHOT) or authorizes (STAGED); 201 with the payment and its decision, 200 `Idempotent-Replayed` for a retry. `Idempotency-Key` is required.")
    @RequestBody(description = "A purchase for an agent", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"business_id\":\"biz_42\",\"agent_id\":\"research_agent\",\"vendor_url\":\"http://127.0.0.1:9080/sim/x402/vendors/llm-premium/v1/complete\",\"purpose\":\"premium completion for the spec\",\"mode\":\"ONE_SHOT\",\"body\":{\"prompt\":\"Summarise the market\"}}")))
    @POST
    public Response purchase(@Valid @NotNull(message = PaymentBodies.BODY_REQUIRED) PaymentBodies.Purchase body,
                             @HeaderParam(IDEMPOTENCY) String key, @HeaderParam(TenantResolver.HEADER) String tenant) {
        PurchaseRequest request = PurchaseRequest.validated(key, tenants.resolve(body.tenantId(), tenant),
                body.businessId(), body.agentId(), body.taskId(), body.purposeGiven(), body.mode(), body.method(),
                body.vendorUrl(), body.body(), body.capGiven(), body.capField(), settings.absurdAmountCents());
        return answer(request.mode() == PurchaseMode.STAGED ? staged.authorize(request) : intake.purchase(request), true);
    }

    @Operation(summary = "List payments",
            description = "The caller's tenant's payments, newest first, filtered by business, agent, task, status, vendor and kind.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    public List<Payment> list(@QueryParam("business_id") String businessId, @QueryParam("agent_id") String agentId,
                              @QueryParam("task_id") String taskId, @QueryParam("status") String status,
                              @QueryParam("vendor_id") String vendorId, @QueryParam("kind") String kind,
                              @QueryParam("limit") String limit, @QueryParam("tenant_id") String tenantId) {
        if (status != null && !status.isBlank() && Arrays.stream(PaymentStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw InvalidPaymentRequest.malformed("status", "status must be one of " + Arrays.toString(PaymentStatus.values()));
        }
        if (kind != null && !kind.isBlank() && !List.of("CHARGE", "REFUND").contains(kind)) {
            throw InvalidPaymentRequest.malformed("kind", "kind must be CHARGE or REFUND");
        }
        return queries.list(Callers.scope(tenants, tenantId), new PaymentStore.Filter(businessId, agentId, taskId, status,
                vendorId, kind), QueryParameters.limit(limit, LIST_DEFAULT, LIST_MAX));
    }

    @Operation(summary = "Spend by agent and by vendor over a window",
            description = "Every charge requested in the last hour, day or week (`window`, default hour) across businesses:"
                    + " approved, denied and pending counts, the total in dollars and the breakdowns by vendor and by agent,"
                    + " largest first. A tenant sees its own; an operator every tenant's or `tenant_id`'s.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("spend")
    public SpendOverview spend(@QueryParam("window") String window, @QueryParam("tenant_id") String tenantId) {
        HistoryWindow chosen = HistoryWindow.parameter(window);
        return spend.overview(Callers.scope(tenants, tenantId), chosen.start(Instant.now()));
    }

    @Operation(summary = "A payment",
            description = "The payment with its x402 wire objects, every decision (each rule's check) and every state change.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("{id}")
    public Payment one(@PathParam("id") String paymentId) {
        return queries.find(scope(), paymentId).orElseThrow(() -> new PaymentNotFound(paymentId));
    }

    /**
     * {@code {"decision": "approve"|"deny", "rationale": "..."}}: an approver of the payment's tenant decides an
     * escalation, recorded as decided by the subject of its token.
     */
    @Operation(summary = "Approve or deny an escalated payment",
            description = "`{\"decision\": \"approve\"|\"deny\", \"rationale\"}` on a payment waiting for a person; recorded as decided by the token's subject.")
    @RolesAllowed({Roles.APPROVER, Roles.OPERATOR})
    @RequestBody(description = "The decision and why", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"decision\":\"approve\",\"rationale\":\"release gate\"}")))
    @POST
    @Path("{id}/decision")
    public Response decide(@PathParam("id") String paymentId,
                           @Valid @NotNull(message = PaymentBodies.BODY_REQUIRED) PaymentBodies.Decision body) {
        return answer(decisions.decide(scope(), paymentId, body.approves(), Callers.subject(tenants), body.rationale()),
                false);
    }

    @Operation(summary = "Capture a staged payment",
            description = "Settles a STAGED payment's authorization; repeating it is a no-op.")
    @RequestBody(description = "Nothing needed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{}")))
    @POST
    @Path("{id}/capture")
    public Response capture(@PathParam("id") String paymentId, @Valid PaymentBodies.Capture body) {
        return answer(staged.capture(scope(), paymentId, Callers.subject(tenants)), false);
    }

    @Operation(summary = "Void a staged payment",
            description = "Drops a STAGED payment's authorization and releases its budget; repeating it is a no-op.")
    @RequestBody(description = "Why the authorization is dropped", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"reason\":\"deploy failed\"}")))
    @POST
    @Path("{id}/void")
    public Response voidAuthorization(@PathParam("id") String paymentId, @Valid PaymentBodies.VoidAuthorization body) {
        String reason = body == null ? null : body.reason();
        return answer(staged.voidAuthorization(scope(), paymentId, Callers.subject(tenants),
                reason == null ? "voided through the API" : reason), false);
    }

    /** {@code {"amount_cents": N?, "reason": "..."}} with an {@code Idempotency-Key}: refund a captured charge. */
    @Operation(summary = "Refund a captured payment",
            description = "`{\"amount_cents\"?, \"reason\"}` with an `Idempotency-Key`: a REFUND row (201).")
    @RequestBody(description = "How much and why (all of it when amount_cents is absent)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"amount_cents\":25,\"reason\":\"not delivered\"}")))
    @POST
    @Path("{id}/refund")
    public Response refund(@PathParam("id") String paymentId, @Valid PaymentBodies.Refund body,
                           @HeaderParam(IDEMPOTENCY) String key) {
        one(paymentId);
        if (key == null || !key.matches("[A-Za-z0-9_-]{16,128}")) {
            throw InvalidPaymentRequest.malformed(IDEMPOTENCY, "Idempotency-Key (16-128 characters of letters, digits, '_' or '-')"
                    + " is required: refunds are retried safely only with one");
        }
        String reason = body == null ? null : body.reason();
        return answer(refunds.refund(scope(), paymentId, body == null ? null : body.amountCents(),
                reason == null ? "refund requested" : reason, key, Callers.subject(tenants)), true);
    }

    /** The tenant a call on one payment acts within: the caller's own; an operator's, every tenant. */
    private TenantScope scope() {
        return Callers.scope(tenants, null);
    }

    private Response answer(PaymentOutcome outcome, boolean creates) {
        Payment payment = outcome.payment();
        if (outcome.replayed()) {
            return Response.ok(payment).header("Idempotent-Replayed", "true").build();
        }
        if (!creates) {
            return Response.ok(payment).build();
        }
        return Response.created(uriInfo.getBaseUriBuilder().path("payments").path(payment.paymentId()).build()).entity(payment).build();
    }
}
