package io.genesis.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A query parameter holding a NUL character ({@code %00}) is a 400 naming it, on every endpoint: no Genesis value
 * contains one and PostgreSQL text cannot hold one, so it would otherwise fail deep inside a query filter.
 */
@Provider
@PreMatching
public class QueryWithoutNul implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (var parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                String name = parameter.getKey().replace("\u0000", "%00");
                throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "Query parameter " + name
                        + " contains a NUL character (%00), which no Genesis value holds").with("field", name));
            }
        }
    }
}
