package io.genesis.sites.boundary;

import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import io.genesis.sites.SiteAddresses;
import io.genesis.sites.SiteStorage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static io.genesis.api.JsonConventions.json;

/**
 * The owner's view of a business's site: {@code GET /api/businesses/{id}/site} (slug, URL, live version, every
 * version with its state, sign-up count). Tenant-scoped: a business of another tenant, or one without a site yet, is
 * 404.
 */
@RolesAllowed({Roles.TENANT, Roles.OPERATOR})
@Path("/businesses/{id}/site")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    @Inject
    SiteStorage storage;

    @Inject
    SiteAddresses addresses;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "A business's website",
            description = "The site Genesis serves for the business at /sites/{slug}/: slug, URL, live version, every version with its state and where its files are stored (postgres or s3), and the sign-up count; a business of another tenant, or one without a site yet, is a 404.")
    @GET
    public JsonObject site(@PathParam("id") String businessId) {
        SiteStorage.SiteSummary site = OwnedSites.find(storage, tenants, businessId);
        JsonArrayBuilder versions = json().createArrayBuilder();
        storage.versions(site.slug()).forEach(v -> {
            var row = json().createObjectBuilder().add("version", v.version()).add("state", v.state())
                    .add("deploy_task_id", v.deployTaskId()).add("attempt", v.attempt()).add("files", v.fileCount())
                    .add("bytes", v.totalBytes()).add("storage", v.storage()).add("staged_at", v.stagedAt().toString());
            if (v.settledAt() != null) {
                row.add("settled_at", v.settledAt().toString());
            }
            versions.add(row);
        });
        var json = json().createObjectBuilder().add("business_id", businessId).add("slug", site.slug())
                .add("url", addresses.url(site.slug())).add("waitlist_signups", site.signUps()).add("versions", versions);
        if (site.liveVersion() == null) {
            json.addNull("live_version");
        } else {
            json.add("live_version", site.liveVersion());
        }
        return json.build();
    }
}
