package io.genesis.runtime.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeReportTest {

    private static final WorkerStatus ALIVE = new WorkerStatus("a", null, null, 0, 1L, true, null);
    private static final WorkerStatus STALE = new WorkerStatus("b", null, null, 0, 99L, false, null);

    @Test
    void downWhenRedisIsUnreachable() {
        RuntimeReport.Verdict down = RuntimeReport.judge("Connection refused", List.of(ALIVE), 15);
        assertEquals(RuntimeReport.DOWN, down.status());
        assertTrue(down.reasons().get(0).contains("Connection refused"), down.reasons().toString());
    }

    @Test
    void degradedWithoutAnyLiveWorker() {
        RuntimeReport.Verdict none = RuntimeReport.judge(null, List.of(), 15);
        assertEquals(RuntimeReport.DEGRADED, none.status());
        assertTrue(none.reasons().get(0).contains("no worker"), none.reasons().toString());
        assertEquals(RuntimeReport.DEGRADED, RuntimeReport.judge(null, List.of(STALE), 15).status());
    }

    @Test
    void runningWithOneLiveWorkerAndStaleOnesNamed() {
        RuntimeReport.Verdict verdict = RuntimeReport.judge(null, List.of(ALIVE, STALE), 15);
        assertEquals(RuntimeReport.RUNNING, verdict.status());
        assertEquals(1, verdict.reasons().size());
        assertTrue(verdict.reasons().get(0).contains("worker b") && verdict.reasons().get(0).contains("99 s"));
        assertEquals(List.of(), RuntimeReport.judge(null, List.of(ALIVE), 15).reasons());
    }
}
