package io.genesis.teams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team the swarm chose.
 *
 * @param agents      members, in genotype order
 * @param fitness     its inclusive fitness
 * @param iterations  PSO iterations run before convergence
 * @param explanation why: fitness terms, covered and uncovered capabilities, mandatory agents, convergence reason
 */
public record TeamComposition(List<String> agents, double fitness, int iterations, Map<String, Object> explanation) {

    public TeamComposition {
        agents = List.copyOf(agents);
        explanation = Collections.unmodifiableMap(new LinkedHashMap<>(explanation));
    }
}
