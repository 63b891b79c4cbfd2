package io.genesis.api;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Every REST resource of Genesis lives under {@code /api}, behind MicroProfile JWT bearer tokens: the roles come from
 * the token's {@code groups} claim (see {@code io.genesis.security.Roles}).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "genesis")
@DeclareRoles({"tenant", "approver", "operator"})
public class GenesisApplication extends Application {
}
