package io.genesis.sites.boundary;

import io.genesis.api.QueryParameters;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import io.genesis.sites.SiteStorage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static io.genesis.api.JsonConventions.json;

/**
 * The owner's list of a business's waitlist: {@code GET /api/businesses/{id}/waitlist?limit=50&offset=0}, newest
 * first, with the total. Tenant-scoped: a business of another tenant, or one without a site yet, is 404.
 */
@RolesAllowed({Roles.TENANT, Roles.OPERATOR})
@Path("/businesses/{id}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
public class WaitlistResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    SiteStorage storage;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "A business's waitlist sign-ups",
            description = "The sign-ups of the business's site, newest first, paged with `limit` (1-500, default 50) and `offset`, with the total; a business of another tenant, or one without a site yet, is a 404.")
    @GET
    public JsonObject signUps(@PathParam("id") String businessId, @QueryParam("limit") String limit,
                              @QueryParam("offset") String offset) {
        int pageSize = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        int skip = QueryParameters.wholeNumber("offset", offset, 0, 0, Integer.MAX_VALUE);
        SiteStorage.SiteSummary site = OwnedSites.find(storage, tenants, businessId);
        JsonArrayBuilder signUps = json().createArrayBuilder();
        storage.signUps(site.slug(), pageSize, skip).forEach(row -> signUps.add(json().createObjectBuilder()
                .add("email", row.email()).add("created_at", row.createdAt().toString())));
        return json().createObjectBuilder().add("business_id", businessId).add("slug", site.slug())
                .add("total", site.signUps()).add("limit", pageSize).add("offset", skip).add("signups", signUps).build();
    }
}
