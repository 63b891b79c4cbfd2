package io.genesis.api;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Every REST resource of Genesis lives under {@code /api}, behind MicroProfile JWT bearer tokens: the roles come from
 * the token's {@code groups} claim (see {@code io.genesis.security.Roles}). Described at {@code /openapi} (people:
 * {@code /openapi/ui}).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "genesis")
@DeclareRoles({"tenant", "approver", "operator"})
@OpenAPIDefinition(info = @Info(title = "Genesis API", version = "1",
        description = "Businesses built by agents, the task runtime and its bus, dead letters, and agents' x402 payments."
                + " Every operation needs a bearer token (a JWT whose `groups` claim carries the roles `tenant`, `approver`"
                + " and/or `operator`); a tenant sees only its own data, another tenant's object is a 404. Errors are"
                + " application/problem+json (RFC 9457)."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the configured issuer (mp.jwt.verify.*); roles in its `groups` claim, the tenant in its tenant claim")
public class GenesisApplication extends Application {
}
