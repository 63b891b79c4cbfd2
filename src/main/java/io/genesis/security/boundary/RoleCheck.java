package io.genesis.security.boundary;

import io.genesis.problem.Problem;
import io.genesis.security.Roles;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Fail-closed gate in front of every {@code /api} resource: no verified bearer token, 401 (problem+json with
 * {@code WWW-Authenticate}); a method (or its class) without a role decision, 403 for everyone; a token without one of
 * the roles the method allows, 403 naming them. Liberty's mpJwt verifies the token (signature, issuer, audience,
 * expiry) and enforces {@code @RolesAllowed} too; this filter makes sure an unprotected method can never answer a
 * forged or missing token, and that every refusal reads like every other error.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheck implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"genesis\"";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        SecurityContext security = request.getSecurityContext();
        if (!(security.getUserPrincipal() instanceof JsonWebToken)) {
            boolean sent = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
            request.abortWith(unauthenticated(sent, "/api" + path));
            return;
        }
        List<String> allowed = Roles.allowedBy(resource.getResourceMethod(), resource.getResourceClass());
        if (allowed.stream().noneMatch(security::isUserInRole)) {
            String detail = allowed.isEmpty() ? "this operation is not open to any role"
                    : "this operation needs one of the roles " + allowed + " in the token's groups claim";
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, detail).with("required_roles", allowed)
                    .withInstance("/api" + path).toResponse());
        }
    }

    static Response unauthenticated(boolean tokenSent, String path) {
        String detail = tokenSent
                ? "The bearer token was not accepted: its signature, issuer, audience and expiry are checked"
                : "Send a bearer token: Authorization: Bearer <JWT> (see docs/security.md)";
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).withInstance(path).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE)
                .build();
    }
}
