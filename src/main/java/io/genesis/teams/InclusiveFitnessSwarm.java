package io.genesis.teams;

import io.genesis.catalog.AgentGenotype;
import io.genesis.catalog.GenotypeGroup;
import io.genesis.catalog.Genotypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Team composition by the deterministic Inclusive Fitness Swarm of the Genesis code
 * ({@code infrastructure/swarm/inclusive_fitness.py}, {@code swarm/team_optimizer.py}): a binary particle swarm over
 * the 15 {@link Genotypes}, where bit i of a particle says whether agent i is on the team.
 *
 * <p>Each iteration, for every particle and agent: {@code v = w v + c1 r1 (personalBest - x) + c2 r2 (globalBest - x)},
 * clamped to +-4, and the bit is set with probability {@code sigmoid(v)}. The sampled team is then repaired:
 * mandatory agents are put on it; a team above the maximum size drops the members least wanted by the swarm (lowest
 * {@code sigmoid(v)}), sparing sole holders of a required capability; each still uncovered capability, while there is
 * room, brings in the holder the swarm wants most; a team below the minimum takes the most wanted non-members. The
 * code repaired the size only; repairing coverage the same way keeps the choice with the swarm (which holder, which
 * extra members) while the orchestrator can rely on a team that covers what can be covered. The search stops at 100
 * iterations, after 10 iterations without a better global best, or once fitness exceeds .95. The global best is the
 * smallest team within {@value #STAFFING_TOLERANCE} of the best fitness found (a deviation from plain PSO, for the
 * guide's penalty on overstaffing; the fitness formula itself is the code's).
 *
 * <p>Deterministic: all randomness comes from {@link Random} seeded by the caller (its algorithm is fixed by the JDK
 * specification), and every tie is broken by genotype order.
 *
 * <p>Longer than 300 lines because it is the inclusive-fitness swarm of the Genesis code ported as one piece, so it can be read
 * side by side with its source.
 */
@ApplicationScoped
public class InclusiveFitnessSwarm {

    public static final double KIN_BONUS = 1.5;
    public static final double WEIGHT_COVERAGE = 0.40;
    public static final double WEIGHT_COOPERATION = 0.30;
    public static final double WEIGHT_SIZE = 0.20;
    public static final double WEIGHT_DIVERSITY = 0.10;
    public static final int PARTICLES = 20;
    public static final int MAX_ITERATIONS = 100;
    public static final int STALL_ITERATIONS = 10;
    public static final double INERTIA = 0.7;
    public static final double COGNITIVE = 1.5;
    public static final double SOCIAL = 1.5;
    public static final double MAX_VELOCITY = 4.0;
    public static final double INITIAL_VELOCITY = 1.0;
    public static final double TARGET_FITNESS = 0.95;
    /** The guide: "returns the fittest roster (at least 3 agents)". */
    public static final int DEFAULT_MIN_TEAM_SIZE = 3;
    public static final int DEFAULT_MAX_TEAM_SIZE = 10;
    /**
     * Teams within this much of the best fitness found count as equally fit, and the smallest of them wins: the
     * guide's "penalty for overstaffing". The code's fitness alone rises slightly with every member inside the size
     * range (more groups, more same-group pairs), so without it every team would fill up to the maximum size.
     */
    public static final double STAFFING_TOLERANCE = 0.005;
    /** A fitness must beat another by more than this to count as higher. */
    static final double IMPROVEMENT_EPSILON = 1e-12;

    private static final int DIMENSIONS = Genotypes.ALL.size();

    /**
     * Chooses the team for {@code requirements}: the global best of the swarm.
     *
     * @param minSize smallest team (at least 1)
     * @param maxSize largest team (at least minSize and the number of mandatory agents)
     * @param seed    seed of the swarm's randomness: the same inputs and seed give the same team
     */
    public TeamComposition compose(TeamRequirements requirements, int minSize, int maxSize, long seed) {
        if (minSize < 1 || maxSize < minSize || minSize > DIMENSIONS) {
            throw new IllegalArgumentException("team size range must satisfy 1 <= min <= max and min <= " + DIMENSIONS
                    + ", got [" + minSize + ", " + maxSize + "]");
        }
        if (requirements.mandatoryAgents().size() > maxSize) {
            throw new IllegalArgumentException(requirements.mandatoryAgents().size() + " mandatory agents do not fit a team of at most "
                    + maxSize);
        }
        Search search = new Search(requirements, minSize, Math.min(maxSize, DIMENSIONS), new Random(seed));
        String convergence = search.run();
        List<String> team = agentsOf(search.globalBest);
        TeamFitness terms = fitness(team, requirements, minSize, maxSize);

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("algorithm", "binary particle swarm, " + PARTICLES + " particles, w=" + INERTIA + ", c1=" + COGNITIVE
                + ", c2=" + SOCIAL + ", |v|<=" + MAX_VELOCITY);
        explanation.put("seed", seed);
        explanation.put("convergence", convergence);
        explanation.put("team_size_range", List.of(minSize, maxSize));
        explanation.put("required_capabilities", List.copyOf(requirements.capabilities()));
        explanation.put("uncovered_capabilities", terms.uncovered());
        explanation.put("uncoverable_capabilities", List.copyOf(uncoverable(requirements)));
        explanation.put("mandatory_agents", List.copyOf(requirements.mandatoryAgents()));
        explanation.put("capability_coverage", terms.coverage());
        explanation.put("mean_compatibility", terms.meanCompatibility());
        explanation.put("size_score", terms.sizeScore());
        explanation.put("group_diversity", terms.groupDiversity());
        explanation.put("requirement_reasons", requirements.reasons());
        return new TeamComposition(team, terms.fitness(), search.iterations, explanation);
    }

    /**
     * The inclusive fitness of a team (members must be genotype agents; duplicates count once).
     */
    public TeamFitness fitness(Collection<String> team, TeamRequirements requirements, int minSize, int maxSize) {
        for (String agent : team) {
            if (Genotypes.of(agent).isEmpty()) {
                throw new IllegalArgumentException(agent + " is not a team genotype");
            }
        }
        List<AgentGenotype> members = Genotypes.ALL.stream().filter(genotype -> team.contains(genotype.agent())).toList();
        if (members.isEmpty()) {
            return new TeamFitness(0, 0, 0, 0, 0, List.copyOf(requirements.capabilities()));
        }
        List<String> uncovered = requirements.capabilities().stream()
                .filter(capability -> members.stream().noneMatch(member -> member.capabilities().contains(capability)))
                .toList();
        int required = requirements.capabilities().size();
        double coverage = required == 0 ? 1.0 : (double) (required - uncovered.size()) / required;

        double compatibility = 1.0;
        if (members.size() > 1) {
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    sum += compatibility(members.get(i), members.get(j));
                    pairs++;
                }
            }
            compatibility = sum / pairs;
        }

        int n = members.size();
        double sizeScore = n < minSize ? (double) n / minSize
                : n > maxSize ? Math.max(0.0, 1.0 - (double) (n - maxSize) / maxSize) : 1.0;
        double diversity = (double) members.stream().map(AgentGenotype::group).distinct().count() / GenotypeGroup.values().length;
        double fitness = requirements.priority() * (WEIGHT_COVERAGE * coverage + WEIGHT_COOPERATION * compatibility
                + WEIGHT_SIZE * sizeScore + WEIGHT_DIVERSITY * diversity);
        return new TeamFitness(coverage, compatibility, sizeScore, diversity, fitness, uncovered);
    }

    private static List<String> agentsOf(boolean[] position) {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < DIMENSIONS; i++) {
            if (position[i]) {
                agents.add(Genotypes.ALL.get(i).agent());
            }
        }
        return agents;
    }

    private static double sigmoid(double velocity) {
        return 1.0 / (1.0 + Math.exp(-velocity));
    }

    /** One run of the swarm. */
    private final class Search {
        private final TeamRequirements requirements;
        private final int minSize;
        private final int maxSize;
        private final Random random;
        private final boolean[][] position = new boolean[PARTICLES][DIMENSIONS];
        private final double[][] velocity = new double[PARTICLES][DIMENSIONS];
        private final boolean[][] personalBest = new boolean[PARTICLES][];
        private final double[] personalBestFitness = new double[PARTICLES];
        private boolean[] globalBest;
        private double globalBestFitness;
        private int globalBestSize;
        private double bestFitnessSeen = Double.NEGATIVE_INFINITY;
        private int iterations;

        Search(TeamRequirements requirements, int minSize, int maxSize, Random random) {
            this.requirements = requirements;
            this.minSize = minSize;
            this.maxSize = maxSize;
            this.random = random;
        }

        String run() {
            for (int p = 0; p < PARTICLES; p++) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    position[p][d] = random.nextBoolean();
                    velocity[p][d] = (2 * random.nextDouble() - 1) * INITIAL_VELOCITY;
                }
                repair(position[p], velocity[p]);
                personalBestFitness[p] = evaluate(position[p]);
                personalBest[p] = position[p].clone();
                offerGlobalBest(position[p], personalBestFitness[p]);
            }
            int stalled = 0;
            while (iterations < MAX_ITERATIONS) {
                if (bestFitnessSeen > TARGET_FITNESS) {
                    return "fitness above " + TARGET_FITNESS + " after " + iterations + " iterations";
                }
                if (stalled >= STALL_ITERATIONS) {
                    return "no improvement for " + STALL_ITERATIONS + " iterations (stopped after " + iterations + ")";
                }
                iterations++;
                boolean improved = false;
                for (int p = 0; p < PARTICLES; p++) {
                    move(p);
                    repair(position[p], velocity[p]);
                    double fitness = evaluate(position[p]);
                    if (fitness > personalBestFitness[p]) {
                        personalBestFitness[p] = fitness;
                        personalBest[p] = position[p].clone();
                    }
                    improved |= offerGlobalBest(position[p], fitness);
                }
                stalled = improved ? 0 : stalled + 1;
            }
            return bestFitnessSeen > TARGET_FITNESS ? "fitness above " + TARGET_FITNESS + " after " + iterations + " iterations"
                    : "iteration cap of " + MAX_ITERATIONS + " reached";
        }

        private void move(int p) {
            for (int d = 0; d < DIMENSIONS; d++) {
                double x = bit(position[p][d]);
                double v = INERTIA * velocity[p][d]
                        + COGNITIVE * random.nextDouble() * (bit(personalBest[p][d]) - x)
                        + SOCIAL * random.nextDouble() * (bit(globalBest[d]) - x);
                velocity[p][d] = Math.max(-MAX_VELOCITY, Math.min(MAX_VELOCITY, v));
                position[p][d] = random.nextDouble() < sigmoid(velocity[p][d]);
            }
        }

        /**
         * The global best is the smallest team within {@link #STAFFING_TOLERANCE} of the best fitness seen (the
         * fittest of equal size). Returns whether the best fitness rose or the global best changed.
         */
        private boolean offerGlobalBest(boolean[] team, double fitness) {
            boolean raised = fitness > bestFitnessSeen + IMPROVEMENT_EPSILON;
            if (raised) {
                bestFitnessSeen = fitness;
            }
            int teamSize = size(team);
            boolean bestStillInBand = globalBest != null && globalBestFitness >= bestFitnessSeen - STAFFING_TOLERANCE;
            boolean inBand = fitness >= bestFitnessSeen - STAFFING_TOLERANCE;
            boolean leaner = teamSize < globalBestSize || teamSize == globalBestSize && fitness > globalBestFitness + IMPROVEMENT_EPSILON;
            if (!bestStillInBand || inBand && leaner) {
                globalBest = team.clone();
                globalBestFitness = fitness;
                globalBestSize = teamSize;
                return true;
            }
            return raised;
        }

        private double evaluate(boolean[] team) {
            return fitness(agentsOf(team), requirements, minSize, maxSize).fitness();
        }

        private void repair(boolean[] team, double[] wanted) {
            for (String agent : requirements.mandatoryAgents()) {
                team[Genotypes.indexOf(agent)] = true;
            }
            while (size(team) > maxSize) {
                team[leastWantedRemovable(team, wanted)] = false;
            }
            for (String capability : requirements.capabilities()) {
                if (size(team) >= maxSize) {
                    break;
                }
                if (holders(team, capability) == 0) {
                    int holder = mostWanted(team, wanted, capability);
                    if (holder >= 0) {
                        team[holder] = true;
                    }
                }
            }
            while (size(team) < minSize) {
                team[mostWanted(team, wanted, null)] = true;
            }
        }

        /** The non-mandatory member the swarm wants least, preferring one whose removal uncovers nothing. */
        private int leastWantedRemovable(boolean[] team, double[] wanted) {
            int chosen = -1;
            boolean chosenUncovers = true;
            for (int i = 0; i < DIMENSIONS; i++) {
                if (!team[i] || requirements.mandatoryAgents().contains(Genotypes.ALL.get(i).agent())) {
                    continue;
                }
                boolean uncovers = isSoleHolder(team, i);
                if (chosen < 0 || (chosenUncovers && !uncovers)
                        || (chosenUncovers == uncovers && wanted[i] < wanted[chosen])) {
                    chosen = i;
                    chosenUncovers = uncovers;
                }
            }
            return chosen;
        }

        /** The non-member the swarm wants most (highest velocity), among holders of the capability if one is given. */
        private int mostWanted(boolean[] team, double[] wanted, String capability) {
            int chosen = -1;
            for (int i = 0; i < DIMENSIONS; i++) {
                if (team[i] || (capability != null && !Genotypes.ALL.get(i).capabilities().contains(capability))) {
                    continue;
                }
                if (chosen < 0 || wanted[i] > wanted[chosen]) {
                    chosen = i;
                }
            }
            return chosen;
        }

        private boolean isSoleHolder(boolean[] team, int member) {
            for (String capability : requirements.capabilities()) {
                if (Genotypes.ALL.get(member).capabilities().contains(capability) && holders(team, capability) == 1) {
                    return true;
                }
            }
            return false;
        }

        private int holders(boolean[] team, String capability) {
            int holders = 0;
            for (int i = 0; i < DIMENSIONS; i++) {
                if (team[i] && Genotypes.ALL.get(i).capabilities().contains(capability)) {
                    holders++;
                }
            }
            return holders;
        }
    }

    private static int size(boolean[] team) {
        int size = 0;
        for (boolean member : team) {
            if (member) {
                size++;
            }
        }
        return size;
    }

    private static double bit(boolean value) {
        return value ? 1.0 : 0.0;
    }

    /** Capabilities no genotype has: no team can cover them. */
    private static SortedSet<String> uncoverable(TeamRequirements requirements) {
        SortedSet<String> missing = new TreeSet<>(requirements.capabilities());
        Genotypes.ALL.forEach(genotype -> missing.removeAll(genotype.capabilities()));
        return missing;
    }

    /**
     * {@code min(1, |modules in common| / |modules of either| * (KIN_BONUS if same group else 1))}; 1 with itself.
     */
    public static double compatibility(AgentGenotype one, AgentGenotype other) {
        if (one.agent().equals(other.agent())) {
            return 1.0;
        }
        long shared = one.modules().stream().filter(other.modules()::contains).count();
        long union = one.modules().size() + other.modules().size() - shared;
        double overlap = union == 0 ? 0.0 : (double) shared / union;
        return Math.min(1.0, overlap * (one.group() == other.group() ? KIN_BONUS : 1.0));
    }
}
