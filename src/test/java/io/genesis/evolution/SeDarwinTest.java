package io.genesis.evolution;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeDarwinTest {

    private static final String AGENT = "builder_agent";
    private static final String FAILURE = "Task build_checkout failed: TypeError in payment form handler";
    private final SeDarwin darwin = new SeDarwin();

    @Test
    void scoreFormula() {
        // .70*1 + .12 + min(.10, 20/200) + min(.05, 20/200)
        assertEquals(0.97, SeDarwin.score(1.0, Operator.RECOMBINATION, 20, 20), 1e-12);
        // .70*.5 + 0 + 4/200 + 6/200
        assertEquals(0.40, SeDarwin.score(0.5, Operator.BASELINE, 4, 6), 1e-12);
        // .70*.85 + .08 + .05 + .05 clamps at nothing; refinement bonus .08, revision .04
        assertEquals(0.595 + 0.08 + 0.05 + 0.05, SeDarwin.score(0.85, Operator.REFINEMENT, 10, 10), 1e-12);
        assertEquals(0.70 + 0.04, SeDarwin.score(1.0, Operator.REVISION, 0, 0), 1e-12);
    }

    @Test
    void sameSeedSameEvolution() {
        EvolutionOutcome first = darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), 99);
        EvolutionOutcome second = darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), 99);
        assertEquals(first.generated(), second.generated());
        assertEquals(first.best(), second.best());
        assertEquals(first.learnedCase(), second.learnedCase());
        assertEquals(first.convergence(), second.convergence());
        assertNotEquals(first.generated(), darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), 100).generated());
    }

    @Test
    void stopsAtTheFirstIterationThatMeetsAConvergenceRule() {
        for (long seed = 1; seed <= 40; seed++) {
            EvolutionOutcome outcome = darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), seed);
            assertTrue(outcome.iterations() >= 1 && outcome.iterations() <= SeDarwin.DEFAULT_MAX_ITERATIONS);
            assertEquals(3 * outcome.iterations(), outcome.generated().size(), "3 trajectories per iteration");
            List<Double> bestSoFar = new ArrayList<>();
            double best = 0;
            for (int iteration = 0; iteration < outcome.iterations(); iteration++) {
                List<Trajectory> batch = outcome.generated().subList(3 * iteration, 3 * iteration + 3);
                best = Math.max(best, batch.stream().mapToDouble(Trajectory::successScore).max().orElseThrow());
                bestSoFar.add(best);
                boolean converged = best >= SeDarwin.EXCELLENT_SCORE
                        || batch.stream().allMatch(t -> t.successScore() >= SeDarwin.SUCCESS_THRESHOLD)
                        || iteration >= 1 && Math.abs(best - bestSoFar.get(iteration - 1)) < SeDarwin.PLATEAU_DELTA;
                boolean last = iteration == outcome.iterations() - 1;
                assertEquals(last && outcome.iterations() < SeDarwin.DEFAULT_MAX_ITERATIONS || converged && last, converged,
                        "seed " + seed + " iteration " + iteration + ": " + outcome.convergence());
            }
            assertEquals(best, outcome.best().successScore(), 1e-12);
        }
    }

    @Test
    void laterIterationsEvolveFromThePool() {
        EvolutionOutcome outcome = null;
        for (long seed = 1; outcome == null || outcome.iterations() < 2; seed++) {
            outcome = darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), seed);
        }
        List<Trajectory> firstIteration = outcome.generated().subList(0, 3);
        List<Trajectory> secondIteration = outcome.generated().subList(3, 6);
        assertTrue(firstIteration.stream().allMatch(t -> t.operator() == Operator.BASELINE && t.generation() == 0));
        assertTrue(secondIteration.stream().anyMatch(t -> t.operator() == Operator.REFINEMENT), secondIteration.toString());
        assertTrue(secondIteration.stream().allMatch(t -> t.generation() == 1));
        secondIteration.stream().filter(t -> t.operator() != Operator.BASELINE)
                .forEach(t -> assertTrue(!t.parentIds().isEmpty(), t.trajectoryId() + " names its parents"));
    }

    @Test
    void theBestOutcomeBecomesACase() {
        EvolutionOutcome outcome = darwin.evolve(AGENT, FAILURE, TrajectoryPool.empty(AGENT), 5);
        Case learned = outcome.learnedCase();
        assertEquals(CaseBank.caseId(FAILURE, outcome.best().strategy(), AGENT), learned.caseId());
        assertEquals(outcome.best().successScore(), learned.reward());
        assertEquals(outcome.best().trajectoryId(), learned.metadata().getString("trajectory_id"));
        assertEquals(outcome.best().status() == TrajectoryStatus.SUCCESS, outcome.improved());
    }

    @Test
    void aFullPoolIsPrunedAndThePrunedIdsReported() {
        List<Trajectory> old = new ArrayList<>();
        for (int i = 0; i < TrajectoryPool.MAX_TRAJECTORIES; i++) {
            old.add(new Trajectory("old-" + i, AGENT, 0, Operator.BASELINE, 0.05, List.of(), "direct", List.of("linter"),
                    "x = 1\n", "retry", List.of("no functions")));
        }
        TrajectoryPool pool = TrajectoryPool.of(AGENT, old);
        EvolutionOutcome outcome = darwin.evolve(AGENT, FAILURE, pool, 3);
        assertEquals(TrajectoryPool.MAX_TRAJECTORIES, outcome.pool().size());
        assertEquals(outcome.generated().size(), outcome.prunedTrajectoryIds().size());
        assertTrue(outcome.prunedTrajectoryIds().stream().allMatch(id -> id.startsWith("old-")), outcome.prunedTrajectoryIds().toString());
        assertTrue(outcome.generated().stream().allMatch(t -> t.generation() >= 1), "generations continue the pool's");
    }
}
