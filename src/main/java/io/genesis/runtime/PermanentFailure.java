package io.genesis.runtime;

/**
 * Thrown by a handler for a failure that no retry can fix (invalid input, a refused request): the task ends
 * {@code failed} at once, without retries and without a dead letter.
 */
public class PermanentFailure extends Exception {

    public PermanentFailure(String message) {
        super(message, null, false, false);
    }
}
