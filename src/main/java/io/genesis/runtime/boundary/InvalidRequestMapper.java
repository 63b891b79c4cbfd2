package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link InvalidRequest} as a 400 problem, its extensions flattened into the body. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidRequest error) {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, error.getMessage());
        for (var extension : error.extensions().entrySet()) {
            problem = problem.with(extension.getKey(), extension.getValue());
        }
        return problem.withInstance(uriInfo == null ? null : uriInfo.getRequestUri().getRawPath()).toResponse();
    }
}
