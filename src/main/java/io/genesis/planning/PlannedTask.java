package io.genesis.planning;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a {@link TaskDag}: what to do ({@code taskType} from the HALO vocabulary, see {@link TaskTypes}), the
 * tasks it waits for, and planner metadata (phase, depth, business type, ...). Immutable; lists and maps keep their
 * order.
 */
public record PlannedTask(String id, String taskType, String description, List<String> dependsOn,
                          Map<String, String> metadata, boolean critical, double estimatedDurationSeconds) {

    public PlannedTask {
        if (id == null || id.isBlank() || taskType == null || taskType.isBlank() || description == null) {
            throw new IllegalArgumentException("a task needs an id, a task type and a description: " + id);
        }
        if (estimatedDurationSeconds < 0) {
            throw new IllegalArgumentException("task " + id + " has a negative estimated duration");
        }
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * A comma-separated metadata value as a list (e.g. {@code required_skills}, {@code required_tools}); empty when
     * the key is absent.
     */
    public List<String> metadataList(String key) {
        String value = metadata.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
