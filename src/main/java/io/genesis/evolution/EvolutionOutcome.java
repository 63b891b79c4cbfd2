package io.genesis.evolution;

import java.util.List;

/**
 * What one SE-Darwin run produced. The caller persists {@code generated} (and deletes {@code prunedTrajectoryIds})
 * in {@code trajectories}, and stores {@code learnedCase} in {@code cases}.
 *
 * @param agent               agent that was evolved
 * @param best                best trajectory of this run
 * @param generated           every trajectory of this run, in generation order
 * @param iterations          iterations run
 * @param convergence         why the run stopped
 * @param pool                the agent's pool after the run (pruned)
 * @param prunedTrajectoryIds trajectories (old or new) that no longer fit the pool
 * @param learnedCase         the best outcome as a CaseBank case: the failed context, the best strategy, its score
 */
public record EvolutionOutcome(String agent, Trajectory best, List<Trajectory> generated, int iterations, String convergence,
                               TrajectoryPool pool, List<String> prunedTrajectoryIds, Case learnedCase) {

    public EvolutionOutcome {
        generated = List.copyOf(generated);
        prunedTrajectoryIds = List.copyOf(prunedTrajectoryIds);
    }

    /** Whether the best trajectory is a success (score >= .7). */
    public boolean improved() {
        return best.status() == TrajectoryStatus.SUCCESS;
    }
}
