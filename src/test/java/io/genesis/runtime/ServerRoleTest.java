package io.genesis.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerRoleTest {

    @Test
    void rolesAreReadCaseInsensitively() {
        assertEquals(ServerRole.ALL, ServerRole.of("all"));
        assertEquals(ServerRole.API, ServerRole.of(" API "));
        assertEquals(ServerRole.WORKER, ServerRole.of("Worker"));
    }

    @Test
    void onlyApiServersLeaveTheBackgroundWorkToOthers() {
        assertTrue(ServerRole.ALL.works());
        assertTrue(ServerRole.WORKER.works());
        assertFalse(ServerRole.API.works());
    }

    @Test
    void anUnknownRoleStopsTheStartNamingTheKey() {
        for (String bad : new String[] {"", "both", "apis", null}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ServerRole.of(bad));
            assertTrue(refused.getMessage().startsWith("genesis.role must be all, api or worker"), refused.getMessage());
        }
    }

    @Test
    void theDefaultIsAllAsLibertyRunHasIt() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertEquals(ServerRole.ALL, ServerRole.of(defaults.getProperty(ServerRole.KEY)));
        assertEquals("all", ServerRole.ALL.label());
    }

    @Test
    void anApiServerStartsNoBackgroundWorkAndItsHealthDoesNotWaitForConsumers() {
        RuntimeWorker worker = new RuntimeWorker();
        worker.role = ServerRole.API;
        // no executors, Redis or registry are injected here: starting anything would fail
        worker.start(new Object());
        assertEquals(0, worker.inFlight());
        assertTrue(worker.consumersAlive(), "liveness of an api server");
        assertTrue(worker.groupsReady(), "readiness of an api server");
        assertTrue(worker.stalledConsumers().isEmpty());
    }

    @Test
    void aWorkerWithoutConsumerLoopsIsNeitherAliveNorReady() {
        RuntimeWorker worker = new RuntimeWorker();
        worker.role = ServerRole.WORKER;
        assertFalse(worker.consumersAlive(), "a worker's liveness waits for its consumer loops");
        assertFalse(worker.groupsReady());
    }
}
