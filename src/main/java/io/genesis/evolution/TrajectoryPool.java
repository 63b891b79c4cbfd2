package io.genesis.evolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The trajectories of one agent ({@code infrastructure/trajectory_pool.py}), immutable: adding returns a new pool.
 *
 * <p>At most {@value #MAX_TRAJECTORIES}. Beyond that the pool is pruned: successes and trajectories of the last
 * {@value #RECENT_GENERATIONS} generations are kept; the others go first, lowest score first (then oldest generation,
 * then id). Only if protected trajectories alone exceed the limit are they pruned the same way, partial and failed
 * ones before successes.
 */
public final class TrajectoryPool {

    public static final int MAX_TRAJECTORIES = 50;
    public static final double SUCCESS_THRESHOLD = 0.7;
    public static final double FAILURE_THRESHOLD = 0.3;
    public static final int RECENT_GENERATIONS = 10;
    public static final int MIN_PATTERN_OCCURRENCES = 2;

    /** Two successful trajectories that reason or use tools differently, the better one first. */
    public record Pair(Trajectory first, Trajectory second) {
    }

    private static final Comparator<Trajectory> BEST_FIRST = Comparator.comparingDouble(Trajectory::successScore).reversed()
            .thenComparing(Trajectory::generation, Comparator.reverseOrder())
            .thenComparing(Trajectory::trajectoryId);

    private final String agent;
    private final List<Trajectory> trajectories;

    private TrajectoryPool(String agent, List<Trajectory> trajectories) {
        this.agent = agent;
        this.trajectories = List.copyOf(trajectories);
    }

    public static TrajectoryPool empty(String agent) {
        return new TrajectoryPool(Objects.requireNonNull(agent, "agent"), List.of());
    }

    /** A pool holding {@code trajectories} (e.g. rows loaded for the agent), pruned to the limit. */
    public static TrajectoryPool of(String agent, Collection<Trajectory> trajectories) {
        return empty(agent).with(trajectories);
    }

    /** This pool plus {@code added} (replacing trajectories with the same id), pruned to the limit. */
    public TrajectoryPool with(Collection<Trajectory> added) {
        Map<String, Trajectory> byId = new LinkedHashMap<>();
        trajectories.forEach(trajectory -> byId.put(trajectory.trajectoryId(), trajectory));
        for (Trajectory trajectory : added) {
            if (!trajectory.agentName().equals(agent)) {
                throw new IllegalArgumentException("trajectory " + trajectory.trajectoryId() + " belongs to "
                        + trajectory.agentName() + ", not " + agent);
            }
            byId.put(trajectory.trajectoryId(), trajectory);
        }
        return new TrajectoryPool(agent, prune(new ArrayList<>(byId.values())));
    }

    public String agent() {
        return agent;
    }

    /** All trajectories, in insertion order. */
    public List<Trajectory> trajectories() {
        return trajectories;
    }

    public int size() {
        return trajectories.size();
    }

    /** Successful trajectories, best first. */
    public List<Trajectory> successful() {
        return trajectories.stream().filter(t -> t.status() == TrajectoryStatus.SUCCESS).sorted(BEST_FIRST).toList();
    }

    /** Failed trajectories, worst first. */
    public List<Trajectory> failed() {
        return trajectories.stream().filter(t -> t.status() == TrajectoryStatus.FAILURE).sorted(BEST_FIRST.reversed()).toList();
    }

    public Optional<Trajectory> best() {
        return trajectories.stream().min(BEST_FIRST);
    }

    /** The highest generation in the pool, -1 when empty. */
    public int maxGeneration() {
        return trajectories.stream().mapToInt(Trajectory::generation).max().orElse(-1);
    }

    /**
     * Pairs of successful trajectories whose reasoning pattern or tool set differ, best combined score first.
     */
    public List<Pair> diverseSuccessfulPairs(int maxPairs) {
        List<Trajectory> successes = successful();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < successes.size(); i++) {
            for (int j = i + 1; j < successes.size(); j++) {
                Trajectory a = successes.get(i);
                Trajectory b = successes.get(j);
                if (!a.reasoningPattern().equals(b.reasoningPattern()) || !Set.copyOf(a.toolsUsed()).equals(Set.copyOf(b.toolsUsed()))) {
                    pairs.add(new Pair(a, b));
                }
            }
        }
        return pairs.stream()
                .sorted(Comparator.comparingDouble((Pair pair) -> pair.first().successScore() + pair.second().successScore()).reversed())
                .limit(maxPairs)
                .toList();
    }

    /** Failure reasons given by at least {@value #MIN_PATTERN_OCCURRENCES} failed trajectories, most frequent first. */
    public List<String> commonFailurePatterns() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Trajectory failure : failed()) {
            new HashSet<>(failure.failureReasons()).forEach(reason -> counts.merge(reason, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= MIN_PATTERN_OCCURRENCES)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Trajectory> prune(List<Trajectory> all) {
        if (all.size() <= MAX_TRAJECTORIES) {
            return all;
        }
        int recentFrom = all.stream().mapToInt(Trajectory::generation).max().orElse(0) - RECENT_GENERATIONS + 1;
        Comparator<Trajectory> removalOrder = Comparator
                .comparing((Trajectory t) -> t.status() == TrajectoryStatus.SUCCESS)
                .thenComparing(t -> t.generation() >= recentFrom)
                .thenComparingDouble(Trajectory::successScore)
                .thenComparingInt(Trajectory::generation)
                .thenComparing(Trajectory::trajectoryId);
        Set<String> removed = new HashSet<>();
        all.stream().sorted(removalOrder).limit(all.size() - MAX_TRAJECTORIES).forEach(t -> removed.add(t.trajectoryId()));
        return all.stream().filter(t -> !removed.contains(t.trajectoryId())).toList();
    }
}
