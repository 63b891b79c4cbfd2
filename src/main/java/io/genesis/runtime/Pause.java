package io.genesis.runtime;

/** Sleeping in the runtime's loops: an interrupt (shutdown) is kept and reported as "stop". */
final class Pause {

    private Pause() {
    }

    /** Sleeps; false when interrupted (the interrupt flag stays set for the caller's loop to see). */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
