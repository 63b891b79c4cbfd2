package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Redis unreachable while serving a request: 503 problem with {@code Retry-After}, not an opaque 500, because it
 * is an outage the caller can wait out. ({@code GET /api/runtime} handles it itself and answers {@code down}.)
 */
@Provider
public class RedisUnavailableMapper implements ExceptionMapper<JedisConnectionException> {

    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JedisConnectionException error) {
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "Redis (the task bus) is unreachable; retry shortly. GET /api/runtime shows the runtime status.");
        return Response.fromResponse(problem.withInstance(uriInfo == null ? null : uriInfo.getRequestUri().getRawPath()).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
