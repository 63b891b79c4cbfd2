package io.genesis.it;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Creating and following businesses through the HTTP API. */
final class Businesses {

    static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILED", "BLOCKED");

    private Businesses() {
    }

    static String create(String json) {
        return create(json, Map.of());
    }

    static String create(String json, Map<String, String> headers) {
        Api.Reply reply = Api.post("/api/businesses", json, headers);
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("business_id");
    }

    static JsonObject get(String businessId) {
        Api.Reply reply = Api.get("/api/businesses/" + businessId);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static JsonObject awaitTerminal(String businessId, Duration timeout) {
        return Await.until("business " + businessId + " terminal", timeout, () -> get(businessId),
                b -> TERMINAL.contains(b.getString("status")));
    }
}
