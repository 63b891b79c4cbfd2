package io.genesis.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who runs which task: task id → agent, task id → why, the tasks no agent could take, and what the router and the
 * DAAO optimizer add ({@code estimated_cost}, per-task {@code difficulty}, ...). Immutable; maps keep their order.
 */
public record RoutingPlan(Map<String, String> assignments, Map<String, String> explanations, List<String> unassigned,
                          Map<String, Object> metadata) {

    public RoutingPlan {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        explanations = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
        unassigned = List.copyOf(unassigned);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public boolean isComplete() {
        return unassigned.isEmpty();
    }
}
