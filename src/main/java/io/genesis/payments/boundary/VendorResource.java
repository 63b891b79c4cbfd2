package io.genesis.payments.boundary;

import io.genesis.payments.PaymentSettings;
import io.genesis.payments.Vendor;
import io.genesis.problem.ProblemException;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/payments/vendors} and {@code GET /api/payments/vendors/{id}}: the vendor catalogue agents may buy
 * from, with each vendor's pay-to address in EIP-55 form and the agents whose whitelist names it. The catalogue is
 * platform configuration, the same for every tenant, so any role may read it.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("payments/vendors")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class VendorResource {

    /**
     * One catalogue entry. {@code priceCents} is the configured price (what a simulated vendor quotes), absent for a
     * vendor priced only by its own 402 quote; {@code agents} are the agents that may pay it, {@code defaultWhitelist}
     * whether any agent without a whitelist of its own may too.
     */
    public record VendorView(String id, String name, String category, URI url, String payTo,
                             @JsonbProperty("x402_version") int x402Version, Long priceCents,
                             boolean simulated, boolean defaultWhitelist, List<String> agents) {
    }

    /** The catalogue: how many vendors and each of them, in configuration order. */
    public record Catalogue(int count, List<VendorView> vendors) {
    }

    @Inject
    PaymentSettings settings;

    @Inject
    AgentRegistry registry;

    @Operation(summary = "The vendor catalogue",
            description = "Every vendor agents may buy from: URL prefix, pay-to address (EIP-55), x402 version, configured price if any, and the agents whose whitelist names it.")
    @GET
    public Catalogue all() {
        List<VendorView> vendors = settings.vendors().stream().map(this::view).toList();
        return new Catalogue(vendors.size(), vendors);
    }

    @Operation(summary = "One vendor of the catalogue",
            description = "One catalogue entry; an unknown id is a 404.")
    @GET
    @Path("{id}")
    public VendorView one(@PathParam("id") String id) {
        return settings.vendor(id).map(this::view).orElseThrow(() -> ProblemException.notFound("No vendor '" + id
                + "' in the catalogue (GET /api/payments/vendors lists them)"));
    }

    private VendorView view(Vendor vendor) {
        Set<String> agents = new TreeSet<>(settings.agentsWithOwnWhitelist());
        registry.all().stream().map(AgentPolicy::agent).forEach(agents::add);
        return new VendorView(vendor.id(), vendor.name(), vendor.category(), vendor.url(), vendor.payTo(), vendor.x402Version(),
                vendor.priceCents(), settings.simulates(vendor), settings.defaultWhitelist().contains(vendor.id()),
                agents.stream().filter(agent -> settings.whitelist(agent).contains(vendor.id())).toList());
    }
}
