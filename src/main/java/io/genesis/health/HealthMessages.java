package io.genesis.health;

/** Turns a failure into one short line for a health response (no stack trace, no credentials). */
final class HealthMessages {

    private static final int MAX_LENGTH = 200;

    private HealthMessages() {
    }

    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
