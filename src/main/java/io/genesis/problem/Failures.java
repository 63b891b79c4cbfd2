package io.genesis.problem;

/** A failure as one short line for health checks, status pages and logs: root cause, first line, no stack trace. */
public final class Failures {

    private static final int MAX_LENGTH = 200;

    private Failures() {
    }

    public static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
