package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL down is an outage the caller can wait out: 503 with Retry-After on reads and writes, never a 500. */
class DatabaseOutageIT {

    private static final String NEW_BUSINESS = "{\"business_type\":\"saas_tool\"}";
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(60);

    @BeforeEach
    void serverIsReady() {
        Await.ready();
    }

    @Test
    void readsAndWritesAnswer503WithRetryAfterWhilePostgresqlIsDownAndWorkAgainAfter() throws IOException {
        String business = Businesses.create(NEW_BUSINESS);
        ItServices.services().stopPostgres();
        try {
            Api.Reply read = Await.until("a business read answers 503", OUTAGE_NOTICED,
                    () -> Api.get("/api/businesses/" + business), reply -> reply.status() != 200);
            assertOutage(read);
            assertOutage(Api.get("/api/tasks/no-such-task-in-redis"));
            assertOutage(Api.post("/api/businesses", NEW_BUSINESS));
        } finally {
            ItServices.services().startPostgres(false);
        }
        Await.until("the business read works again", OUTAGE_NOTICED, () -> Api.get("/api/businesses/" + business),
                reply -> reply.status() == 200);
        assertEquals(202, Api.post("/api/businesses", NEW_BUSINESS).status());
        assertEquals(404, Api.get("/api/tasks/no-such-task-in-redis").status());
    }

    private static void assertOutage(Api.Reply reply) {
        JsonObject problem = Problems.of(reply, 503);
        assertEquals("postgresql", problem.getString("dependency"), problem.toString());
        assertTrue(problem.getString("detail").contains("PostgreSQL"), problem.toString());
        String retryAfter = reply.header("Retry-After");
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) > 0, "Retry-After: " + retryAfter);
    }
}
