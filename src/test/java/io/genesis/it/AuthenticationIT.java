package io.genesis.it;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens on /api, the way an attacker would try them: every broken token is 401 problem+json with
 * {@code WWW-Authenticate}; a valid token without the role is 403; health and metrics stay open.
 */
class AuthenticationIT {

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    @Test
    void everyBrokenTokenIs401ProblemWithAChallenge() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("missing", null);
        tokens.put("alg none", DevTokens.base64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + DevTokens.base64(payload(now - 5, now + 600, DevTokens.ISSUER, DevTokens.AUDIENCE).getBytes(StandardCharsets.UTF_8)) + ".");
        tokens.put("HS256 keyed with the public key", hs256WithPublicKey(payload(now - 5, now + 600, DevTokens.ISSUER, DevTokens.AUDIENCE)));
        // two minutes out: inside Liberty's default 5-minute clock skew, outside the configured seconds
        tokens.put("expired", DevTokens.sign(HEADER, payload(now - 3600, now - 120, DevTokens.ISSUER, DevTokens.AUDIENCE)));
        tokens.put("not yet valid", DevTokens.sign(HEADER, payload(now + 120, now + 3600, DevTokens.ISSUER, DevTokens.AUDIENCE)));
        tokens.put("wrong issuer", DevTokens.sign(HEADER, payload(now - 5, now + 600, "https://evil.example", DevTokens.AUDIENCE)));
        tokens.put("wrong audience", DevTokens.sign(HEADER, payload(now - 5, now + 600, DevTokens.ISSUER, "someone-else")));
        String good = DevTokens.sign(HEADER, payload(now - 5, now + 600, DevTokens.ISSUER, DevTokens.AUDIENCE));
        tokens.put("bad signature", good.substring(0, good.lastIndexOf('.') + 1) + DevTokens.base64(new byte[256]));
        tokens.put("garbage", "not-a-jwt");
        for (var token : tokens.entrySet()) {
            Map<String, String> headers = token.getValue() == null ? Api.anonymous() : Api.bearer(token.getValue());
            for (String path : List.of("/api/businesses", "/api/runtime", "/api/tasks/t_does_not_matter")) {
                Api.Reply reply = Api.get(path, headers);
                assertEquals(401, reply.status(), token.getKey() + " on " + path + ": " + reply.body());
                assertTrue(reply.contentType().startsWith("application/problem+json"), token.getKey() + ": " + reply.contentType());
                assertNotNull(reply.header("WWW-Authenticate"), token.getKey() + ": no WWW-Authenticate");
                assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.header("WWW-Authenticate"));
                assertEquals(401, reply.json().getInt("status"), reply.body());
            }
            Api.Reply write = Api.post("/api/tasks", "{\"topic\":\"genesis.build\",\"content\":{}}", headers);
            assertEquals(401, write.status(), token.getKey() + " writing: " + write.body());
        }
        assertEquals(200, Api.get("/api/business-types", Api.bearer(good)).status(), "the same token, correctly signed, is accepted");
    }

    @Test
    void aTenantTokenCannotUseOperatorEndpointsAndAnOperatorCan() {
        String tenant = DevTokens.mint("alice", "acme", List.of("tenant"), 600);
        String operator = DevTokens.mint("olga", null, List.of("operator"), 600);
        for (String path : List.of("/api/runtime", "/api/bus/streams", "/api/bus/dlq", "/api/agents", "/api/metrics")) {
            Api.Reply refused = Api.get(path, Api.bearer(tenant));
            assertEquals(403, refused.status(), path + ": " + refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertTrue(refused.json().getString("detail").contains("operator"), refused.body());
            assertEquals(200, Api.get(path, Api.bearer(operator)).status(), path + " as operator");
        }
        Api.Reply budget = Api.put("/api/budgets/research_agent", "{\"daily_limit_cents\":500}", Api.bearer(tenant));
        assertEquals(403, budget.status(), budget.body());
        Api.Reply purge = Api.delete("/api/bus/dlq/genesis.build", Api.bearer(tenant));
        assertEquals(403, purge.status(), purge.body());
        Api.Reply noRoles = Api.get("/api/businesses", Api.bearer(DevTokens.mint("nobody", "acme", List.of(), 600)));
        assertEquals(403, noRoles.status(), noRoles.body());
    }

    @Test
    void healthAndMetricsStayOpen() {
        assertEquals(200, Api.get("/health/live", Api.anonymous()).status());
        assertEquals(200, Api.get("/metrics", Api.anonymous()).status());
    }

    private static String payload(long notBefore, long expires, String issuer, String audience) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"mallory\",\"upn\":\"mallory\","
                + "\"iat\":" + notBefore + ",\"nbf\":" + notBefore + ",\"exp\":" + expires
                + ",\"groups\":[\"tenant\",\"approver\",\"operator\"],\"tenant_id\":\"default\",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}";
    }

    /** The classic key-confusion forgery: HS256 with the server's public key (PEM text) as the HMAC secret. */
    private static String hs256WithPublicKey(String payload) throws Exception {
        byte[] key = Files.readAllBytes(Path.of("src/dev/jwt/dev-only-public-key.pem"));
        String input = DevTokens.base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + DevTokens.base64(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + DevTokens.base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
