package io.genesis.businesses;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a business creation; the last three are terminal. {@link #WAITING_FOR_BUDGET}: a purchase the
 * business needs cannot be covered by what is left of a budget; it continues when the budget allows (raised, or the
 * next budget day), and is never failed for that. {@link #next()} is the one place that says which
 * status may follow which: the store refuses any other move ({@link IllegalTransition}) and writes a move only while the
 * business is still in the status the move starts from.
 */
public enum BusinessStatus {
    INITIALIZING, GENERATING_IDEA, COMPOSING_TEAM, DECOMPOSING_TASKS, ROUTING, VALIDATING, EXECUTING, DEPLOYING,
    WAITING_FOR_BUDGET, SUCCESS, FAILED, BLOCKED;

    public boolean terminal() {
        return next().isEmpty();
    }

    /** Not planned yet: a (redelivered) create message plans it. Planning commits all its steps at once. */
    public boolean awaitingPlan() {
        return this == INITIALIZING;
    }

    /** The statuses that may follow this one. */
    public Set<BusinessStatus> next() {
        return switch (this) {
            case INITIALIZING -> EnumSet.of(GENERATING_IDEA, FAILED);
            case GENERATING_IDEA -> EnumSet.of(COMPOSING_TEAM, FAILED);
            case COMPOSING_TEAM -> EnumSet.of(DECOMPOSING_TASKS, FAILED);
            case DECOMPOSING_TASKS -> EnumSet.of(ROUTING, FAILED);
            case ROUTING -> EnumSet.of(VALIDATING, FAILED);
            case VALIDATING -> EnumSet.of(EXECUTING, FAILED, BLOCKED);
            case EXECUTING -> EnumSet.of(DEPLOYING, WAITING_FOR_BUDGET, SUCCESS, FAILED, BLOCKED);
            case DEPLOYING -> EnumSet.of(WAITING_FOR_BUDGET, SUCCESS, FAILED, BLOCKED);
            case WAITING_FOR_BUDGET -> EnumSet.of(EXECUTING, DEPLOYING, FAILED, BLOCKED);
            case SUCCESS, FAILED, BLOCKED -> EnumSet.noneOf(BusinessStatus.class);
        };
    }

    public boolean mayMoveTo(BusinessStatus status) {
        return next().contains(status);
    }
}
