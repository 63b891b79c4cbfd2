package io.genesis.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable task graph: tasks in insertion order and an edge parent → child for every entry of a task's
 * {@code dependsOn} (the parent must complete before the child starts). It may hold a cycle, so that a caller can ask
 * {@link #hasCycle()}; {@link #topologicalOrder()} and {@link #maxDepth()} refuse a cyclic graph.
 */
public final class TaskDag {

    /** An edge: {@code from} must complete before {@code to} starts. */
    public record Edge(String from, String to) {
    }

    private final Map<String, PlannedTask> tasks;
    private final Map<String, List<String>> children;

    public TaskDag(List<PlannedTask> tasks) {
        Map<String, PlannedTask> byId = new LinkedHashMap<>();
        for (PlannedTask task : tasks) {
            if (byId.putIfAbsent(task.id(), task) != null) {
                throw new IllegalArgumentException("duplicate task id " + task.id());
            }
        }
        Map<String, List<String>> childLists = new LinkedHashMap<>();
        byId.keySet().forEach(id -> childLists.put(id, new ArrayList<>()));
        for (PlannedTask task : byId.values()) {
            for (String parent : task.dependsOn()) {
                if (!byId.containsKey(parent)) {
                    throw new IllegalArgumentException("task " + task.id() + " depends on unknown task " + parent);
                }
                childLists.get(parent).add(task.id());
            }
        }
        childLists.replaceAll((id, list) -> List.copyOf(list));
        this.tasks = Collections.unmodifiableMap(byId);
        this.children = Collections.unmodifiableMap(childLists);
    }

    public List<PlannedTask> tasks() {
        return List.copyOf(tasks.values());
    }

    public Optional<PlannedTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public boolean contains(String id) {
        return tasks.containsKey(id);
    }

    public int size() {
        return tasks.size();
    }

    public List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        children.forEach((parent, kids) -> kids.forEach(child -> edges.add(new Edge(parent, child))));
        return edges;
    }

    /** The tasks that wait for {@code id}, in insertion order. */
    public List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /**
     * Every task after all the tasks it depends on (Kahn's algorithm; among ready tasks, insertion order first, so the
     * order is the same on every run).
     *
     * @throws IllegalStateException if the graph has a cycle
     */
    public List<String> topologicalOrder() {
        List<String> order = kahnOrder();
        if (order.size() != tasks.size()) {
            throw new IllegalStateException("the task graph has a cycle through "
                    + tasks.keySet().stream().filter(id -> !order.contains(id)).toList());
        }
        return order;
    }

    public boolean hasCycle() {
        return kahnOrder().size() != tasks.size();
    }

    /** The tasks Kahn's algorithm can order; the ones on or behind a cycle are missing. */
    private List<String> kahnOrder() {
        Map<String, Integer> waiting = new HashMap<>();
        tasks.values().forEach(t -> waiting.put(t.id(), t.dependsOn().size()));
        Deque<String> ready = new ArrayDeque<>();
        tasks.keySet().stream().filter(id -> waiting.get(id) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>(tasks.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String child : children.get(id)) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return order;
    }

    /**
     * The length, in edges, of the longest dependency path (0 for an empty graph or one without edges).
     *
     * @throws IllegalStateException if the graph has a cycle
     */
    public int maxDepth() {
        Map<String, Integer> depth = new HashMap<>();
        int max = 0;
        for (String id : topologicalOrder()) {
            int d = tasks.get(id).dependsOn().stream().mapToInt(depth::get).map(p -> p + 1).max().orElse(0);
            depth.put(id, d);
            max = Math.max(max, d);
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskDag dag && dag.tasks().equals(tasks());
    }

    @Override
    public int hashCode() {
        return tasks().hashCode();
    }

    @Override
    public String toString() {
        return "TaskDag" + tasks.keySet();
    }
}
