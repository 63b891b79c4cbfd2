package io.genesis.sites;

import com.sun.net.httpserver.HttpServer;
import io.genesis.api.JsonConventions;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.TaskContext;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitoring checks call their targets under the outbound rules; only this server's own sites may be on loopback. */
class SiteChecksTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void startSite() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonObject run(String agent, String checks) throws Exception {
        SiteChecks decorator = new SiteChecks() {
            @Override
            public boolean handles(String name) {
                return true;
            }

            @Override
            public int priority() {
                return 0;
            }
        };
        decorator.delegate = new AgentHandler() {
            @Override
            public boolean handles(String name) {
                return true;
            }

            @Override
            public AgentResult handle(TaskContext task) {
                return AgentResult.of(JsonConventions.readObject("{\"checks\":" + checks + "}"));
            }

            @Override
            public int priority() {
                return 0;
            }
        };
        decorator.addresses = new SiteAddresses(base);
        decorator.allowedHosts = Optional.empty();
        decorator.timeoutMillis = 2000;
        TaskContext task = new TaskContext(new Envelope("t-1", "genesis.monitor", null, null, null, null, null, null, "default",
                0, null, null, null, null, null), new AgentPolicy(agent, "genesis.monitor", 1, 1, 60, 1), 1, "w-1");
        return (JsonObject) decorator.handle(task).output();
    }

    private static JsonObject result(JsonObject output, int index) {
        return output.getJsonArray("checks").getJsonObject(index).getJsonObject("last_result");
    }

    @Test
    void aSiteOfThisServerIsCalledEvenOnLoopbackAndItsStatusJudgedByTheExpectation() throws Exception {
        JsonObject output = run("monitoring_agent", "[{\"name\":\"homepage\",\"type\":\"http\",\"target\":\"" + base
                + "/sites/a-1/\",\"expect\":\"200\"},{\"name\":\"api\",\"type\":\"http\",\"target\":\"" + base
                + "/sites/a-1/missing\",\"expect\":\"200 or 401\"},{\"name\":\"tls\",\"type\":\"tls\",\"target\":\"x\"}]");
        assertEquals(200, result(output, 0).getInt("status"));
        assertTrue(result(output, 0).getBoolean("ok"));
        assertEquals(404, result(output, 1).getInt("status"));
        assertFalse(result(output, 1).getBoolean("ok"));
        assertFalse(output.getJsonArray("checks").getJsonObject(2).containsKey("last_result"), "only http checks are called");
    }

    @Test
    void otherLoopbackPrivateOrMetadataTargetsAreRefusedByTheOutboundRules() throws Exception {
        JsonObject output = run("monitoring_agent", "[{\"type\":\"http\",\"target\":\"" + base + "/api/tasks\"},"
                + "{\"type\":\"http\",\"target\":\"" + base + "/sites/../api\"},"
                + "{\"type\":\"http\",\"target\":\"http://169.254.169.254/latest/meta-data\"},"
                + "{\"type\":\"http\",\"target\":\"not a url\"}]");
        for (int i = 0; i < 4; i++) {
            assertFalse(result(output, i).getBoolean("ok"), output.toString());
            assertTrue(result(output, i).getString("error").startsWith("refused"), output.toString());
        }
    }

    @Test
    void otherAgentsResultsAreLeftAlone() throws Exception {
        JsonObject output = run("qa_agent", "[{\"type\":\"http\",\"target\":\"" + base + "/sites/a-1/\"}]");
        assertFalse(output.getJsonArray("checks").getJsonObject(0).containsKey("last_result"));
    }

    @Test
    void expectationsNameTheStatusesThatCount() {
        assertTrue(SiteChecks.expected("200 or 401", 401));
        assertFalse(SiteChecks.expected("200 or 401", 404));
        assertFalse(SiteChecks.expected("valid for at least 14 more days", 14));
    }
}
