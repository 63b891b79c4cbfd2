package io.genesis.planning;

import java.util.List;

/**
 * A fast decomposition template (Genesis {@code FAST_DECOMPOSITION_BLUEPRINTS}): the top-level phases of one business
 * archetype with their dependencies, and where MVP feature tasks fit in: they start after {@code featuresAfter} and
 * {@code featuresVerifiedBy} waits for them.
 */
public record Blueprint(String name, List<Phase> phases, String featuresAfter, String featuresVerifiedBy) {

    /** One top-level phase; {@code after} names the phases it waits for. */
    public record Phase(String name, String taskType, String description, boolean critical, List<String> after) {

        public Phase {
            after = List.copyOf(after);
        }
    }

    public Blueprint {
        phases = List.copyOf(phases);
        List<String> names = phases.stream().map(Phase::name).toList();
        for (Phase phase : phases) {
            if (!names.subList(0, names.indexOf(phase.name())).containsAll(phase.after())) {
                throw new IllegalArgumentException("blueprint " + name + ": phase " + phase.name()
                        + " must come after the phases it waits for " + phase.after());
            }
        }
        if (!names.contains(featuresAfter) || !names.contains(featuresVerifiedBy)) {
            throw new IllegalArgumentException("blueprint " + name + ": unknown feature phases");
        }
    }
}
