package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A business survives the application server going away mid-execution: it finishes after the restart. */
class BusinessRestartIT {

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    @Test
    void aBusinessFinishesAfterTheServerRestartsMidExecution() throws Exception {
        String id = Businesses.create("{\"business_type\":\"saas_tool\",\"requirements\":{\"simulate\":{\"*\":{\"latency_ms\":400}}}}");
        Await.until("some tasks done", Duration.ofSeconds(60), () -> Businesses.get(id), b -> completed(b) >= 3);

        server("stop");
        server("start");
        Await.ready();

        JsonObject business = Businesses.awaitTerminal(id, Duration.ofSeconds(120));
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        assertEquals(business.getJsonArray("task_results").size(), completed(business), "every task completed exactly once");
        assertTrue(business.getJsonArray("transitions").stream().map(t -> t.asJsonObject().getString("state"))
                .filter("SUCCESS"::equals).count() == 1);
    }

    private static long completed(JsonObject business) {
        return business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("status").equals("completed")).count();
    }

    private static void server(String action) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("genesis.it.wlp-dir"), "bin", "server");
        Process process = new ProcessBuilder(script.toString(), action, System.getProperty("genesis.it.server-name"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " finished");
        assertEquals(0, process.exitValue(), "server " + action);
    }
}
