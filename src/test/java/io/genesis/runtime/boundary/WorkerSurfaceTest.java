package io.genesis.runtime.boundary;

import io.genesis.problem.Problem;
import io.genesis.runtime.ServerRole;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerSurfaceTest {

    @Test
    void onlyServersThatTakeTrafficServeTheApplication() {
        assertTrue(WorkerSurface.serves(ServerRole.ALL));
        assertTrue(WorkerSurface.serves(ServerRole.API));
        assertFalse(WorkerSurface.serves(ServerRole.WORKER));
    }

    @Test
    void aWorkerRefusesWithANotFoundThatNamesItsRoleAndWhereToGoInstead() {
        Problem problem = WorkerSurface.refusal(ServerRole.WORKER).withInstance("/api/businesses");
        assertEquals(404, problem.status());
        assertEquals("/api/businesses", problem.instance());
        assertTrue(problem.detail().contains("genesis.role=worker"), problem.detail());
        assertTrue(problem.detail().contains("/health and /metrics"), problem.detail());
        assertTrue(problem.detail().contains("role api or all"), problem.detail());
    }
}
