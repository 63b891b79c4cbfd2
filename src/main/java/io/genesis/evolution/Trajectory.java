package io.genesis.evolution;

import java.util.List;
import java.util.Objects;

/**
 * One attempt at improving an agent, one row of {@code trajectories} (status is derived from the score there too).
 *
 * @param trajectoryId     stable id
 * @param agentName        agent being improved
 * @param generation       evolution generation (0 for the first ever)
 * @param operator         how it was produced
 * @param successScore     validation score, 0..1
 * @param parentIds        trajectories it was derived from (empty for a baseline)
 * @param reasoningPattern how it reasons, e.g. {@code decompose}; differing patterns make a pair diverse
 * @param toolsUsed        tools it relies on; differing sets make a pair diverse
 * @param code             the proposed patch
 * @param strategy         the tactics it applies, separated by {@value #TACTIC_SEPARATOR}
 * @param failureReasons   why it fell short (empty for a success)
 */
public record Trajectory(String trajectoryId, String agentName, int generation, Operator operator, double successScore,
                         List<String> parentIds, String reasoningPattern, List<String> toolsUsed, String code,
                         String strategy, List<String> failureReasons) {

    public static final String TACTIC_SEPARATOR = "; ";

    public Trajectory {
        Objects.requireNonNull(trajectoryId, "trajectoryId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reasoningPattern, "reasoningPattern");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(strategy, "strategy");
        if (generation < 0 || successScore < 0 || successScore > 1) {
            throw new IllegalArgumentException("generation must be >= 0 and score within 0..1");
        }
        parentIds = List.copyOf(parentIds);
        toolsUsed = List.copyOf(toolsUsed);
        failureReasons = List.copyOf(failureReasons);
    }

    public TrajectoryStatus status() {
        return TrajectoryStatus.of(successScore);
    }

    /** The strategy's tactics, in order. */
    public List<String> tactics() {
        return strategy.isBlank() ? List.of() : List.of(strategy.split(java.util.regex.Pattern.quote(TACTIC_SEPARATOR)));
    }
}
