package io.genesis.evolution;

/** How SE-Darwin produced a trajectory, with the score bonus the Genesis code gives each operator. */
public enum Operator {
    BASELINE(0.0), REVISION(0.04), RECOMBINATION(0.12), REFINEMENT(0.08);

    private final double bonus;

    Operator(double bonus) {
        this.bonus = bonus;
    }

    public double bonus() {
        return bonus;
    }

    /** The value stored in {@code trajectories.operator}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
