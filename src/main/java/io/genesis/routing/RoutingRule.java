package io.genesis.routing;

import java.util.Map;

/**
 * A declarative HALO rule: IF {@code task_type} equals {@code taskType} AND every entry of {@code conditions} equals
 * the task's metadata value THEN route to {@code targetAgent}. Higher priority is tried first.
 */
public record RoutingRule(String id, String taskType, Map<String, String> conditions, String targetAgent,
                          int priority, String explanation) {

    public RoutingRule {
        conditions = Map.copyOf(conditions);
    }

    public boolean matches(String type, Map<String, String> metadata) {
        return taskType.equals(type)
                && conditions.entrySet().stream().allMatch(c -> c.getValue().equals(metadata.get(c.getKey())));
    }
}
