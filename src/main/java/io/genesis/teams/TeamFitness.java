package io.genesis.teams;

import java.util.List;

/**
 * The terms of one team's inclusive fitness:
 * {@code fitness = priority * (.40 coverage + .30 meanCompatibility + .20 sizeScore + .10 groups/5)}.
 *
 * @param coverage          share of the required capabilities the team covers (1 when none are required)
 * @param meanCompatibility mean pairwise compatibility (1 for a team of one)
 * @param sizeScore         1 inside [min, max], n/min below, max(0, 1 - (n-max)/max) above
 * @param groupDiversity    distinct genotype groups / 5
 * @param fitness           the weighted sum times the priority
 * @param uncovered         required capabilities nobody on the team has
 */
public record TeamFitness(double coverage, double meanCompatibility, double sizeScore, double groupDiversity,
                          double fitness, List<String> uncovered) {

    public TeamFitness {
        uncovered = List.copyOf(uncovered);
    }
}
