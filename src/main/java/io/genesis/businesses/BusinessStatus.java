package io.genesis.businesses;

/** The lifecycle of a business creation; the last three are terminal. */
public enum BusinessStatus {
    INITIALIZING, GENERATING_IDEA, COMPOSING_TEAM, DECOMPOSING_TASKS, ROUTING, VALIDATING, EXECUTING, DEPLOYING,
    SUCCESS, FAILED, BLOCKED;

    public boolean terminal() {
        return this == SUCCESS || this == FAILED || this == BLOCKED;
    }

    /** Still being planned: a redelivered create message may (re)plan it from scratch. */
    public boolean planning() {
        return ordinal() <= VALIDATING.ordinal();
    }
}
