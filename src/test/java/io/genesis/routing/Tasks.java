package io.genesis.routing;

import io.genesis.planning.PlannedTask;

import java.util.List;
import java.util.Map;

/** Small task builders for routing tests. */
final class Tasks {

    private Tasks() {
    }

    static PlannedTask task(String id, String type, String description, String... dependsOn) {
        return new PlannedTask(id, type, description, List.of(dependsOn), Map.of(), false, 1.5);
    }

    static PlannedTask task(String id, String type, Map<String, String> metadata) {
        return new PlannedTask(id, type, "task " + id, List.of(), metadata, false, 1.5);
    }
}
