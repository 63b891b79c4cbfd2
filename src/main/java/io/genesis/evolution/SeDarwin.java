package io.genesis.evolution;

import io.genesis.api.JsonConventions;
import io.genesis.evolution.CodeQuality.Criterion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SE-Darwin ({@code agents/se_darwin_agent.py}) without an LLM: evolves improvement trajectories for an agent whose
 * task failed, deterministically for a given seed.
 *
 * <ul>
 * <li>Up to 3 iterations of 3 trajectories (1-5 allowed). Iteration 0 proposes baselines; later ones propose a
 * revision of the pool's worst unsuccessful trajectory, a recombination of its best diverse successful pair and a
 * refinement of its best trajectory from the pool's common failure patterns, each when the pool allows it, then fill
 * up with baselines.</li>
 * <li>A trajectory is a patch (Python-shaped text) plus a strategy (its tactics). Its score is the code's
 * {@code final = .70 base + operator bonus (recombination .12, refinement .08, revision .04)
 * + min(.10, lines/200) + min(.05, strategyWords/200)}, clamped to 0..1, where base is {@link CodeQuality}'s.</li>
 * <li>It stops when the best score reaches .9, when every trajectory of an iteration succeeds (>= .7), when the best
 * score moved by less than .01 between the last two iterations, or after the last iteration.</li>
 * </ul>
 * Baselines draw their structure, tactics, reasoning pattern and tools from {@link Random} seeded by the caller.
 *
 * <p>Longer than 300 lines because it is the SE-Darwin evolution loop of the Genesis code ported as one piece, so it can be read
 * side by side with its source.
 */
@ApplicationScoped
public class SeDarwin {

    public static final int DEFAULT_TRAJECTORIES_PER_ITERATION = 3;
    public static final int MIN_TRAJECTORIES_PER_ITERATION = 1;
    public static final int MAX_TRAJECTORIES_PER_ITERATION = 5;
    public static final int DEFAULT_MAX_ITERATIONS = 3;
    public static final double SUCCESS_THRESHOLD = TrajectoryPool.SUCCESS_THRESHOLD;
    public static final double EXCELLENT_SCORE = 0.9;
    public static final double PLATEAU_DELTA = 0.01;
    public static final double BASE_WEIGHT = 0.70;
    public static final double LINES_BONUS_CAP = 0.10;
    public static final double STRATEGY_BONUS_CAP = 0.05;
    public static final double BONUS_DIVISOR = 200;
    public static final int MAX_TACTICS = 6;
    /** Chance that a baseline gets each structural element right (syntax, then the others). */
    static final double BASELINE_SYNTAX_CHANCE = 0.8;
    static final double BASELINE_ELEMENT_CHANCE = 0.6;

    static final List<String> TACTICS = List.of(
            "validate inputs against the task schema",
            "retry transient upstream failures with backoff",
            "split the task into smaller verified steps",
            "guard each external call with a timeout",
            "log structured progress for every step",
            "check the result for every expected artefact",
            "cache responses of slow upstream services",
            "fall back to the simplest working template",
            "add a regression test for the failure",
            "sanitize external content before using it");
    static final List<String> REASONING_PATTERNS = List.of("direct", "decompose", "test_first", "defensive");
    static final List<String> TOOLS = List.of("code_search", "test_runner", "linter", "profiler", "docs_lookup");
    /** The tactic that answers a failure reason. */
    static final Map<String, String> REMEDIES = Map.of(
            Criterion.SYNTAX.failure, "lint the patch before proposing it",
            Criterion.IMPORTS.failure, "declare every dependency explicitly",
            Criterion.FUNCTIONS.failure, "wrap the fix in a reusable function",
            Criterion.DOCSTRINGS.failure, "document the fix where it is applied",
            Criterion.TYPE_HINTS.failure, "annotate inputs and outputs with types");

    private final CaseBank caseBank = new CaseBank();
    private final int trajectoriesPerIteration;
    private final int maxIterations;

    public SeDarwin() {
        this(DEFAULT_TRAJECTORIES_PER_ITERATION, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param trajectoriesPerIteration clamped to 1..5
     * @param maxIterations            at least 1
     */
    public SeDarwin(int trajectoriesPerIteration, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1");
        }
        this.trajectoriesPerIteration = Math.max(MIN_TRAJECTORIES_PER_ITERATION,
                Math.min(MAX_TRAJECTORIES_PER_ITERATION, trajectoriesPerIteration));
        this.maxIterations = maxIterations;
    }

    /**
     * Evolves {@code agent} after a failure.
     *
     * @param failedTaskContext what failed: task description, error, anything that characterises the situation
     * @param pool              the agent's trajectory pool
     * @param seed              the same inputs and seed give the same outcome
     */
    public EvolutionOutcome evolve(String agent, String failedTaskContext, TrajectoryPool pool, long seed) {
        if (!pool.agent().equals(agent)) {
            throw new IllegalArgumentException("pool of " + pool.agent() + " given to evolve " + agent);
        }
        Random random = new Random(seed);
        int firstGeneration = pool.maxGeneration() + 1;
        TrajectoryPool current = pool;
        List<Trajectory> generated = new ArrayList<>();
        List<Double> bestHistory = new ArrayList<>();
        Trajectory best = null;
        String convergence = null;
        int iteration = 0;
        while (convergence == null) {
            int generation = firstGeneration + iteration;
            List<Candidate> candidates = iteration == 0 ? new ArrayList<>() : evolved(current);
            while (candidates.size() < trajectoriesPerIteration) {
                candidates.add(baseline(random));
            }
            List<Trajectory> batch = new ArrayList<>();
            for (int slot = 0; slot < trajectoriesPerIteration; slot++) {
                String id = trajectoryId(agent, failedTaskContext, seed, generation, slot);
                batch.add(candidates.get(slot).toTrajectory(id, agent, generation));
            }
            generated.addAll(batch);
            current = current.with(batch);
            for (Trajectory trajectory : batch) {
                if (best == null || trajectory.successScore() > best.successScore()) {
                    best = trajectory;
                }
            }
            bestHistory.add(best.successScore());
            iteration++;
            convergence = convergence(batch, bestHistory, iteration);
        }

        Set<String> kept = current.trajectories().stream().map(Trajectory::trajectoryId).collect(Collectors.toSet());
        List<String> pruned = Stream.concat(pool.trajectories().stream(), generated.stream())
                .map(Trajectory::trajectoryId).distinct().filter(id -> !kept.contains(id)).toList();
        Case learned = caseBank.newCase(agent, failedTaskContext, best.strategy(), best.successScore(),
                JsonConventions.json().createObjectBuilder()
                        .add("trajectory_id", best.trajectoryId())
                        .add("operator", best.operator().wireName())
                        .add("generation", best.generation())
                        .add("iterations", iteration)
                        .add("convergence", convergence)
                        .add("seed", seed)
                        .build());
        return new EvolutionOutcome(agent, best, generated, iteration, convergence, current, pruned, learned);
    }

    /** {@code .70 base + bonus + min(.10, lines/200) + min(.05, words/200)}, clamped to 0..1. */
    static double score(double base, Operator operator, int lines, int strategyWords) {
        double score = BASE_WEIGHT * base + operator.bonus() + Math.min(LINES_BONUS_CAP, lines / BONUS_DIVISOR)
                + Math.min(STRATEGY_BONUS_CAP, strategyWords / BONUS_DIVISOR);
        return Math.max(0.0, Math.min(1.0, score));
    }

    private String convergence(List<Trajectory> batch, List<Double> bestHistory, int iterations) {
        double best = bestHistory.get(bestHistory.size() - 1);
        if (best >= EXCELLENT_SCORE) {
            return String.format(Locale.ROOT, "best score %.3f reached %.2f", best, EXCELLENT_SCORE);
        }
        if (batch.stream().allMatch(trajectory -> trajectory.status() == TrajectoryStatus.SUCCESS)) {
            return "every trajectory of iteration " + iterations + " succeeded";
        }
        if (bestHistory.size() >= 2 && Math.abs(best - bestHistory.get(bestHistory.size() - 2)) < PLATEAU_DELTA) {
            return String.format(Locale.ROOT, "best score moved less than %.2f over the last 2 iterations", PLATEAU_DELTA);
        }
        return iterations >= maxIterations ? "iteration cap of " + maxIterations + " reached" : null;
    }

    /** Revision, recombination and refinement, as far as the pool allows, in that order. */
    private List<Candidate> evolved(TrajectoryPool pool) {
        List<Candidate> candidates = new ArrayList<>();
        pool.trajectories().stream()
                .filter(trajectory -> trajectory.status() != TrajectoryStatus.SUCCESS)
                .min(Comparator.comparingDouble(Trajectory::successScore).thenComparing(Trajectory::trajectoryId))
                .ifPresent(worst -> candidates.add(revision(worst)));
        pool.diverseSuccessfulPairs(1).stream().findFirst().ifPresent(pair -> candidates.add(recombination(pair)));
        pool.best().ifPresent(best -> candidates.add(refinement(best, pool.commonFailurePatterns())));
        return candidates.subList(0, Math.min(candidates.size(), trajectoriesPerIteration));
    }

    private static Candidate baseline(Random random) {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            double chance = criterion == Criterion.SYNTAX ? BASELINE_SYNTAX_CHANCE : BASELINE_ELEMENT_CHANCE;
            if (random.nextDouble() < chance) {
                criteria.add(criterion);
            }
        }
        List<String> tactics = pick(TACTICS, 2 + random.nextInt(3), random);
        String reasoning = REASONING_PATTERNS.get(random.nextInt(REASONING_PATTERNS.size()));
        List<String> tools = pick(TOOLS, 1 + random.nextInt(3), random);
        return new Candidate(Operator.BASELINE, criteria, tactics, reasoning, tools, List.of());
    }

    /** Fixes the two heaviest missing elements of the worst trajectory and adds the remedy for its first failure. */
    private static Candidate revision(Trajectory worst) {
        Set<Criterion> criteria = CodeQuality.met(worst.code());
        Stream.of(Criterion.values()).filter(criterion -> !criteria.contains(criterion)).limit(2).toList().forEach(criteria::add);
        List<String> remedies = worst.failureReasons().stream().map(REMEDIES::get).filter(Objects::nonNull).limit(1).toList();
        return new Candidate(Operator.REVISION, criteria, merge(worst.tactics(), remedies), worst.reasoningPattern(),
                worst.toolsUsed(), List.of(worst.trajectoryId()));
    }

    /** Everything either parent got right, both parents' tactics and tools. */
    private static Candidate recombination(TrajectoryPool.Pair pair) {
        Set<Criterion> criteria = CodeQuality.met(pair.first().code());
        criteria.addAll(CodeQuality.met(pair.second().code()));
        return new Candidate(Operator.RECOMBINATION, criteria, merge(pair.first().tactics(), pair.second().tactics()),
                pair.first().reasoningPattern(), List.copyOf(new LinkedHashSet<>(merge(pair.first().toolsUsed(), pair.second().toolsUsed()))),
                List.of(pair.first().trajectoryId(), pair.second().trajectoryId()));
    }

    /** The best trajectory, fixed where the pool keeps failing and where it falls short most, with those remedies. */
    private static Candidate refinement(Trajectory best, List<String> commonFailures) {
        Set<Criterion> criteria = CodeQuality.met(best.code());
        Stream.of(Criterion.values()).filter(criterion -> !criteria.contains(criterion)).findFirst().ifPresent(criteria::add);
        Stream.of(Criterion.values()).filter(criterion -> commonFailures.contains(criterion.failure)).forEach(criteria::add);
        List<String> remedies = commonFailures.stream().map(REMEDIES::get).filter(Objects::nonNull).toList();
        return new Candidate(Operator.REFINEMENT, criteria, merge(best.tactics(), remedies), best.reasoningPattern(),
                best.toolsUsed(), List.of(best.trajectoryId()));
    }

    private static List<String> merge(Collection<String> first, Collection<String> second) {
        Set<String> merged = new LinkedHashSet<>(first);
        merged.addAll(second);
        return merged.stream().limit(MAX_TACTICS).toList();
    }

    /** {@code count} distinct items of {@code from} in random order (partial Fisher-Yates). */
    private static List<String> pick(List<String> from, int count, Random random) {
        List<String> items = new ArrayList<>(from);
        for (int i = 0; i < count; i++) {
            Collections.swap(items, i, i + random.nextInt(items.size() - i));
        }
        return List.copyOf(items.subList(0, count));
    }

    private static String trajectoryId(String agent, String context, long seed, int generation, int slot) {
        return agent + "-g" + generation + "-" + slot + "-"
                + CaseBank.sha256Hex(agent + "|" + context + "|" + seed + "|" + generation + "|" + slot).substring(0, 8);
    }

    /** A trajectory before it is rendered and scored. */
    private record Candidate(Operator operator, Set<Criterion> criteria, List<String> tactics, String reasoning,
                             List<String> tools, List<String> parents) {

        Trajectory toTrajectory(String id, String agent, int generation) {
            String code = render(agent);
            Set<Criterion> met = CodeQuality.met(code);
            String strategy = String.join(Trajectory.TACTIC_SEPARATOR, tactics);
            int lines = (int) code.lines().filter(line -> !line.isBlank()).count();
            int words = strategy.isBlank() ? 0 : strategy.split("\\s+").length;
            double score = score(CodeQuality.score(met), operator, lines, words);
            List<String> failures = score >= SUCCESS_THRESHOLD ? List.of() : CodeQuality.failures(met);
            return new Trajectory(id, agent, generation, operator, score, parents, reasoning, tools, code, strategy, failures);
        }

        /** Python-shaped patch text with exactly the structural elements in {@code criteria}. */
        private String render(String agent) {
            List<String> lines = new ArrayList<>();
            if (criteria.contains(Criterion.IMPORTS)) {
                lines.add("import logging");
                lines.add("from typing import Any");
                lines.add("");
            }
            String docstring = "\"\"\"" + capitalize(tactics.get(0)) + ".\"\"\"";
            String indent = "";
            if (criteria.contains(Criterion.FUNCTIONS)) {
                String name = "improved_" + agent.replaceAll("\\W", "_");
                lines.add(criteria.contains(Criterion.TYPE_HINTS)
                        ? "def " + name + "(task: dict[str, Any]) -> dict[str, Any]:" : "def " + name + "(task):");
                indent = "    ";
                if (criteria.contains(Criterion.DOCSTRINGS)) {
                    lines.add(indent + docstring);
                }
            } else {
                if (criteria.contains(Criterion.DOCSTRINGS)) {
                    lines.add(docstring);
                }
                if (criteria.contains(Criterion.TYPE_HINTS)) {
                    lines.add("task: dict[str, Any] = dict(task)");
                }
            }
            for (int i = 0; i < tactics.size(); i++) {
                boolean slip = i == 0 && !criteria.contains(Criterion.SYNTAX);
                lines.add(indent + "task = apply_step(task, \"" + tactics.get(i) + "\"" + (slip ? "" : ")"));
            }
            if (criteria.contains(Criterion.FUNCTIONS)) {
                lines.add(indent + "return task");
            }
            return String.join("\n", lines) + "\n";
        }

        private static String capitalize(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
