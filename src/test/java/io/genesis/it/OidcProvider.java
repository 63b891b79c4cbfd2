package io.genesis.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * TEST INFRASTRUCTURE: a small OpenID Connect provider on 127.0.0.1 for the dashboard's sign-in test, so the flow
 * under test is the dashboard's real code against a provider that checks what a real one checks. It serves discovery,
 * an authorization endpoint that signs in its one configured user at once (no login form) and redirects back with a
 * code, and a token endpoint that exchanges the code once, only for the same client and redirect URI, and only with the
 * PKCE verifier whose S256 challenge came with the authorization request. The access token it issues is a JWT signed
 * with the DEV/TEST-ONLY key ({@link DevTokens}), with the issuer and audience the IT server trusts, so the API
 * verifies it like any bearer token; the id token carries the nonce.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "genesis-dashboard";

    /** One authorization request as the provider received it, and what the token endpoint later saw. */
    record Authorization(Map<String, String> query, String code) {
    }

    /** One token request and the provider's answer (200, or 400 with an OAuth error). */
    record TokenCall(Map<String, String> form, int status, String error) {
    }

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String scope) {
    }

    private final HttpServer server;
    private final String issuer;
    private final String subject;
    private final String tenant;
    private final List<String> groups;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    final List<TokenCall> tokenCalls = new CopyOnWriteArrayList<>();

    private OidcProvider(int port, String subject, String tenant, List<String> groups) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.issuer = "http://127.0.0.1:" + port;
        this.subject = subject;
        this.tenant = tenant;
        this.groups = groups;
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts the provider on {@code genesis.it.oidc.port}, signing in this user whenever asked. */
    static OidcProvider start(String subject, String tenant, List<String> groups) {
        try {
            return new OidcProvider(Integer.getInteger("genesis.it.oidc.port", 18700), subject, tenant, groups);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test OIDC provider", e);
        }
    }

    String issuer() {
        return issuer;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = "{" + DevTokens.str("issuer", issuer) + "," + DevTokens.str("authorization_endpoint", issuer + "/authorize")
                + "," + DevTokens.str("token_endpoint", issuer + "/token") + ",\"response_types_supported\":[\"code\"],"
                + "\"grant_types_supported\":[\"authorization_code\"],\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"none\"],\"scopes_supported\":[\"openid\",\"profile\"]}";
        answer(exchange, 200, "application/json", json, Map.of());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.get("redirect_uri");
        String problem = !CLIENT_ID.equals(query.get("client_id")) ? "unknown client_id"
                : redirect == null || !redirect.equals(Api.BASE + "/") ? "redirect_uri is not registered for this client"
                : !"code".equals(query.get("response_type")) ? "response_type must be code"
                : !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null ? "PKCE (S256) is required"
                : query.get("state") == null ? "state is required"
                : !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid") ? "scope must include openid" : null;
        if (problem != null) {
            authorizations.add(new Authorization(query, null));
            answer(exchange, 400, "text/plain", problem, Map.of());
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("client_id"), redirect, query.get("code_challenge"), query.get("nonce"), query.get("scope")));
        authorizations.add(new Authorization(query, code));
        String location = redirect + "?code=" + encode(code) + "&state=" + encode(query.get("state"));
        answer(exchange, 302, "text/plain", "", Map.of("Location", location));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> origin = Map.of("Access-Control-Allow-Origin", Api.BASE);
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "text/plain", "POST only", origin);
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code")); // a code is used once
        String error = !"authorization_code".equals(form.get("grant_type")) ? "unsupported_grant_type"
                : grant == null ? "invalid_grant"
                : !grant.clientId().equals(form.get("client_id")) || !grant.redirectUri().equals(form.get("redirect_uri")) ? "invalid_grant"
                : form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier"))) ? "invalid_grant"
                : null;
        tokenCalls.add(new TokenCall(form, error == null ? 200 : 400, error));
        if (error != null) {
            answer(exchange, 400, "application/json", "{" + DevTokens.str("error", error) + "}", origin);
            return;
        }
        long now = Instant.now().getEpochSecond();
        String access = DevTokens.mint(subject, tenant, groups, 600);
        String id = DevTokens.sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{" + String.join(",", DevTokens.str("iss", issuer),
                DevTokens.str("aud", CLIENT_ID), DevTokens.str("sub", subject), DevTokens.str("nonce", String.valueOf(grant.nonce())),
                DevTokens.num("iat", now), DevTokens.num("exp", now + 600)) + "}");
        answer(exchange, 200, "application/json", "{" + String.join(",", DevTokens.str("access_token", access),
                DevTokens.str("token_type", "Bearer"), DevTokens.num("expires_in", 600), DevTokens.str("id_token", id),
                DevTokens.str("scope", grant.scope())) + "}", Map.of("Access-Control-Allow-Origin", Api.BASE, "Cache-Control", "no-store"));
    }

    static String s256(String verifier) {
        try {
            return DevTokens.base64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        // discovery is read by the dashboard's page: allowed for its origin only
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", Api.BASE);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The issuer's URI, to check what the dashboard was configured with. */
    URI discoveryUri() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }
}
