package io.genesis.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A request without {@code Content-Type} is read as JSON, so a body-less POST or a client that sends no Content-Type
 * keeps working. (A form body, what {@code curl -d} sends unless told {@code -H 'Content-Type: application/json'}, is
 * a 415.)
 */
@Provider
@PreMatching
public class JsonByDefault implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
