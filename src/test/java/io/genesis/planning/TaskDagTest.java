package io.genesis.planning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDagTest {

    static PlannedTask task(String id, String... dependsOn) {
        return new PlannedTask(id, "generic", "task " + id, List.of(dependsOn), Map.of(), false, 1.5);
    }

    @Test
    void topologicalOrderPutsEveryTaskAfterItsDependenciesAndKeepsInsertionOrderAmongReadyTasks() {
        TaskDag dag = new TaskDag(List.of(task("d", "b", "c"), task("a"), task("b", "a"), task("c", "a")));

        assertEquals(List.of("a", "b", "c", "d"), dag.topologicalOrder());
        assertEquals(List.of(new TaskDag.Edge("a", "b"), new TaskDag.Edge("a", "c"), new TaskDag.Edge("b", "d"),
                new TaskDag.Edge("c", "d")), dag.edges());
        assertEquals(List.of("d"), dag.children("b"));
    }

    @Test
    void maxDepthIsTheLongestPathInEdges() {
        assertEquals(0, new TaskDag(List.of()).maxDepth());
        assertEquals(0, new TaskDag(List.of(task("a"), task("b"))).maxDepth());
        assertEquals(3, new TaskDag(List.of(task("a"), task("b", "a"), task("c", "b"), task("d", "c", "a")))
                .maxDepth());
    }

    @Test
    void cycleIsDetectedAndRefusedByOrderAndDepth() {
        TaskDag dag = new TaskDag(List.of(task("a", "c"), task("b", "a"), task("c", "b"), task("d")));

        assertTrue(dag.hasCycle());
        IllegalStateException error = assertThrows(IllegalStateException.class, dag::topologicalOrder);
        assertTrue(error.getMessage().contains("[a, b, c]"), error.getMessage());
        assertThrows(IllegalStateException.class, dag::maxDepth);
        assertFalse(new TaskDag(List.of(task("a"), task("b", "a"))).hasCycle());
    }

    @Test
    void unknownDependencyAndDuplicateIdAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TaskDag(List.of(task("a", "ghost"))));
        assertThrows(IllegalArgumentException.class, () -> new TaskDag(List.of(task("a"), task("a"))));
    }

    @Test
    void metadataListSplitsCommaSeparatedValues() {
        PlannedTask task = new PlannedTask("a", "test", "x", List.of(),
                Map.of("required_skills", " testing, ,sql "), false, 0);

        assertEquals(List.of("testing", "sql"), task.metadataList("required_skills"));
        assertEquals(List.of(), task.metadataList("required_tools"));
    }
}
