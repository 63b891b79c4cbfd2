package io.genesis.businesses.boundary;

import io.genesis.businesses.store.StoreUnavailable;
import io.genesis.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** PostgreSQL unreachable under a business request: 503 problem with {@code Retry-After}, an outage the caller can wait out. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailable> {

    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(StoreUnavailable error) {
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "The business store (PostgreSQL) is unreachable; retry shortly. GET /health/ready shows its status.");
        return Response.fromResponse(problem.withInstance(uriInfo == null ? null : uriInfo.getRequestUri().getRawPath()).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
