package io.genesis.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's OpenID Connect settings ({@code genesis.dashboard.oidc.*}): off unless an issuer is configured. The
 * page discovers the endpoints from {@code <issuer>/.well-known/openid-configuration} unless both are configured, runs
 * the authorization-code flow with PKCE (S256) as a public client, and sends the access token it gets to the API as
 * its bearer token, which MicroProfile JWT verifies like any other: the provider must issue JWT access tokens with the
 * issuer, audience and key the API trusts ({@code mp.jwt.verify.*}).
 */
record DashboardSignIn(Optional<String> issuer, String clientId, String scopes, Optional<String> authorizationEndpoint,
                       Optional<String> tokenEndpoint, Optional<String> audience, String providerName) {

    static final String PREFIX = "genesis.dashboard.oidc.";

    static DashboardSignIn from(Config config) {
        return new DashboardSignIn(value(config, "issuer"), value(config, "client-id").orElse("genesis-dashboard"),
                value(config, "scopes").orElse("openid"), value(config, "authorization-endpoint"),
                value(config, "token-endpoint"), value(config, "audience"),
                value(config, "provider-name").orElse("your identity provider"));
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    boolean enabled() {
        return issuer.isPresent();
    }

    /** The JSON the page reads: {@code {"oidc": null}} when no provider is configured. */
    JsonObject json() {
        if (!enabled()) {
            return Json.createObjectBuilder().addNull("oidc").build();
        }
        JsonObjectBuilder oidc = Json.createObjectBuilder().add("issuer", issuer.get()).add("client_id", clientId)
                .add("scopes", scopes).add("provider_name", providerName);
        authorizationEndpoint.ifPresent(url -> oidc.add("authorization_endpoint", url));
        tokenEndpoint.ifPresent(url -> oidc.add("token_endpoint", url));
        audience.ifPresent(value -> oidc.add("audience", value));
        return Json.createObjectBuilder().add("oidc", oidc).build();
    }

    /**
     * The origins the page must be allowed to {@code fetch} from (discovery and the token endpoint), for the
     * {@code connect-src} of its Content-Security-Policy; empty when OIDC is off.
     */
    Set<String> connectOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        issuer.flatMap(DashboardSignIn::origin).ifPresent(origins::add);
        tokenEndpoint.flatMap(DashboardSignIn::origin).ifPresent(origins::add);
        return origins;
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
