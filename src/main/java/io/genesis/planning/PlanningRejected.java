package io.genesis.planning;

/**
 * The planner refused a request or a DAG update; {@link #reason()} says why in words a user can act on (the phrase
 * that was found, the limit that was exceeded).
 */
public class PlanningRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanningRejected(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
