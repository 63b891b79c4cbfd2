package io.genesis.businesses.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.api.QueryParameters;
import io.genesis.businesses.BusinessApprovals;
import io.genesis.businesses.BusinessIntake;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessRequest;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessViews;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.planning.PlanningRejected;
import io.genesis.planning.RequestSanitizer;
import io.genesis.problem.Problem;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.TraceContext;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import io.genesis.sites.SiteStorage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Business creation: {@code POST /api/businesses} (202 + poll_url, Idempotency-Key), {@code GET /api/businesses/{id}}
 * (BusinessCreationResult), {@code GET /api/businesses} (filters, paging), approvals of held tasks, and
 * {@code GET /api/business-types}. Events are in {@link BusinessEventsResource}.
 */
@RolesAllowed({Roles.TENANT, Roles.OPERATOR})
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BusinessResource {

    static final Pattern BUSINESS_ID = Pattern.compile("biz_[0-9a-f]{16}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String BODY_REQUIRED = "is required: {\"business_type\": \"saas_tool\", \"requirements\": {...}}";
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    @Inject
    BusinessIntake intake;

    @Inject
    BusinessStore store;

    @Inject
    BusinessApprovals approvals;

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    RequestSanitizer sanitizer;

    @Inject
    TenantResolver tenants;

    @Inject
    SiteStorage sites;

    @Context
    UriInfo uriInfo;

    @Operation(summary = "Create a business",
            description = "Starts building a business of a given type from an idea; 202 with its id and `poll_url`. `Idempotency-Key` makes a retry return the same business.")
    @RequestBody(description = "The business to build", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"business_type\":\"saas_tool\",\"requirements\":{\"name\":\"InvoiceBot\",\"description\":\"Invoices from e-mails\"},\"autonomous\":true}")))
    @POST
    @Path("businesses")
    @Consumes(MediaType.WILDCARD)
    public Response create(@Valid @NotNull(message = BODY_REQUIRED) BusinessCreation body,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam(TenantResolver.HEADER) String tenantHeader,
                           @HeaderParam(TraceContext.HEADER) String traceparent) {
        BusinessRequest request = body.toRequest();
        // a NUL cannot be stored in PostgreSQL: refused here, not accepted and then lost on the way to the business row
        JsonConventions.refuseNul("", request.toJson());
        String type = request.businessType();
        if (type == null || !archetypes.validate(type)) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, (type == null ? "business_type is required"
                    : "Unknown business_type '" + type + "'") + ". Valid types: " + String.join(", ", archetypes.types()))
                    .with("valid_business_types", archetypes.types()).with("field", "business_type"));
        }
        request.requirements().texts().forEach(this::sanitized);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("Idempotency-Key must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        String tenant = tenants.resolve(request.tenantId(), tenantHeader);
        BusinessStore.Created created = intake.accept(tenant, request, idempotencyKey, traceparent);
        BusinessRecord business = created.business();
        URI location = uriInfo.getBaseUriBuilder().path("businesses").path(business.businessId()).build();
        return Response.accepted(JsonConventions.json().createObjectBuilder()
                        .add("business_id", business.businessId())
                        .add("status", business.status().name())
                        .add("poll_url", "/api/businesses/" + business.businessId())
                        .add("events_url", "/api/businesses/" + business.businessId() + "/events")
                        .build())
                .location(location)
                .header("Idempotent-Replayed", created.created() ? null : "true")
                .build();
    }

    @Operation(summary = "A business and its tasks",
            description = "The business's status, its task DAG with each task's status, agent, attempts, duration and quality, the revenue projection and the deployment link.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("businesses/{id}")
    public JsonObject result(@PathParam("id") String businessId) {
        BusinessRecord business = find(businessId);
        return JsonConventions.json().createObjectBuilder(BusinessViews.result(business, store.tasks(businessId),
                store.transitions(businessId, 0))).add("waitlist_signups", sites.signUpCount(businessId)).build();
    }

    @Operation(summary = "Businesses by status",
            description = "How many businesses are in each status: the caller's tenant's (operators: every tenant, or `tenant_id`), counted in one query. Every status is listed, with 0 where there are none.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("businesses/status-counts")
    public JsonObject statusCounts(@QueryParam("tenant_id") String tenant) {
        return BusinessViews.statusCounts(store.countByStatus(tenants.readScope(tenant).orElse(null)));
    }

    @Operation(summary = "List businesses",
            description = "The caller's tenant's businesses (operators: every tenant, or `tenant_id`), newest first, filtered by `status`, `business_type`, `q` (a business id, or part of the name, case-insensitive) and the creation date (`created_from`, `created_to`: a date such as `2026-12-07` for the whole UTC day, both ends included, or an instant), paged with `limit` and `offset`. A bad filter value is a 400 naming it.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("businesses")
    public JsonObject list(@QueryParam("status") String status, @QueryParam("business_type") String type,
                           @QueryParam("tenant_id") String tenant, @QueryParam("limit") String limit,
                           @QueryParam("offset") String offset, @QueryParam("q") String q,
                           @QueryParam("created_from") String createdFrom, @QueryParam("created_to") String createdTo) {
        BusinessStatus state = null;
        if (status != null) {
            try {
                state = BusinessStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown status '" + status + "'; valid: " + List.of(BusinessStatus.values()));
            }
        }
        if (type != null && !archetypes.validate(type)) {
            throw ProblemException.badRequest("Unknown business_type '" + type + "'. Valid types: " + String.join(", ", archetypes.types()));
        }
        int pageSize = QueryParameters.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        int skip = QueryParameters.wholeNumber("offset", offset, 0, 0, Integer.MAX_VALUE);
        String scope = tenants.readScope(tenant).orElse(null);
        ListFilters filters = ListFilters.of(q, createdFrom, createdTo);
        List<BusinessRecord> page = store.list(new BusinessStore.Filter(scope, type, state, filters.text(),
                filters.createdFrom(), filters.createdBefore(), pageSize, skip));
        JsonArrayBuilder items = JsonConventions.json().createArrayBuilder();
        page.forEach(b -> items.add(BusinessViews.summary(b)));
        return JsonConventions.json().createObjectBuilder().add("items", items).add("count", page.size()).add("limit", pageSize)
                .add("offset", skip).build();
    }

    @Operation(summary = "Approve or reject a held task",
            description = "`{\"decision\": \"approve\"|\"reject\", \"comment\"}` for a task the business holds for a person; recorded as decided by the token's subject. For the task a business WAITING_FOR_BUDGET waits for, approve lets it go on without that purchase (recorded as skipped) and reject (409) leaves it waiting.")
    @RolesAllowed({Roles.APPROVER, Roles.OPERATOR})
    @RequestBody(description = "The decision on the held task", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = "{\"decision\":\"approve\",\"comment\":\"looks right\"}")))
    @POST
    @Path("businesses/{id}/approvals/{task_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject decide(@PathParam("id") String businessId, @PathParam("task_id") String taskId,
                             @Valid @NotNull(message = "is required: {\"decision\": \"approve\"}") ApprovalDecision decision) {
        find(businessId);
        String decidedBy = tenants.subject(); // who decided is the token's subject, never a body field
        switch (approvals.decide(businessId, taskId, decision.approves(), decidedBy, decision.comment())) {
            case NO_SUCH_TASK -> throw ProblemException.notFound("Business " + businessId + " has no task " + taskId);
            case NOT_PENDING -> throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                    "Task " + taskId + " has no pending approval (it was not held, or was already decided)"));
            case STILL_WAITING -> throw new ProblemException(Problem.of(Response.Status.CONFLICT, "Business " + businessId
                    + " keeps waiting for budget for task " + taskId + ": approve to let it go on without the purchase, raise the"
                    + " budget (PUT /api/budgets/{agent}), or let the next budget day resume it"));
            case DECIDED, GO_ON_WITHOUT_PURCHASE -> { }
        }
        return result(businessId);
    }

    @Operation(summary = "The business types that can be built",
            description = "Every business archetype: type, name, description, typical features and tech stack.")
    @RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
    @GET
    @Path("business-types")
    public JsonObject businessTypes() {
        JsonArrayBuilder types = JsonConventions.json().createArrayBuilder();
        archetypes.all().forEach(a -> types.add(JsonConventions.json().createObjectBuilder()
                .add("type", a.type()).add("name", a.name()).add("description", a.description())
                .add("typical_features", JsonConventions.array(a.typicalFeatures())).add("tech_stack", JsonConventions.array(a.techStack()))
                .add("required_agents", JsonConventions.array(a.requiredAgents()))
                .add("difficulty", a.difficulty().name().toLowerCase(Locale.ROOT))
                .add("time_to_deploy", a.timeToDeploy()).add("monetization_model", a.monetizationModel())
                .add("target_market", a.targetMarket())));
        return JsonConventions.json().createObjectBuilder().add("business_types", types).build();
    }

    BusinessRecord find(String businessId) {
        if (!BUSINESS_ID.matcher(businessId).matches()) {
            throw ProblemException.notFound("No business " + businessId);
        }
        // another tenant's business is answered exactly like a missing one
        return store.find(businessId, tenants.readScope(null)).orElseThrow(() -> ProblemException.notFound("No business " + businessId));
    }

    private void sanitized(String field, String text) {
        try {
            sanitizer.sanitize(field, text);
        } catch (PlanningRejected rejected) {
            throw ProblemException.badRequest(rejected.reason());
        }
    }
}
