package io.genesis.runtime;

/**
 * Thrown by a handler whose attempt cannot go on yet for a reason outside its work that resolves by itself (a payment
 * of the task whose outcome is still being settled or reconciled): the runtime runs the same attempt again later, not
 * counted against the agent's retries, as it does for a dependency's outage ({@link OutageWaits}, same pace and bound).
 */
public class AttemptDeferred extends Exception {

    private final String waitingFor;

    /** {@code waitingFor} names the kind of thing the attempt waits for, a metric label (few values; no ids), also shown in its history. */
    public AttemptDeferred(String waitingFor, String message) {
        super(message, null, false, false);
        this.waitingFor = waitingFor;
    }

    public String waitingFor() {
        return waitingFor;
    }
}
