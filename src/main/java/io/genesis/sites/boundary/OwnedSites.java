package io.genesis.sites.boundary;

import io.genesis.problem.ProblemException;
import io.genesis.security.TenantResolver;
import io.genesis.sites.SiteStorage;

/** The site of a business the caller may read: the caller's tenant's (any, for an operator); else 404 like a missing one. */
final class OwnedSites {

    private OwnedSites() {
    }

    static SiteStorage.SiteSummary find(SiteStorage storage, TenantResolver tenants, String businessId) {
        return storage.site(businessId, tenants.readScope(null)).orElseThrow(() -> ProblemException.notFound(
                "No site for business " + businessId + " (a business has one once its deploy task ran)"));
    }
}
