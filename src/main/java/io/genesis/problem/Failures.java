package io.genesis.problem;

/**
 * A failure as one short line: for health checks, status pages and logs ({@link #brief}: the root cause), and for a
 * client to read ({@link #firstLine}: the message itself). Never a stack trace, never a second line, bounded length.
 */
public final class Failures {

    private static final int BRIEF_LENGTH = 200;
    private static final int CLIENT_LENGTH = 300;

    private Failures() {
    }

    public static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root, BRIEF_LENGTH);
    }

    static String firstLine(Throwable t) {
        return oneLine(t, CLIENT_LENGTH);
    }

    static String firstLine(String message) {
        return cut(message, CLIENT_LENGTH);
    }

    private static String oneLine(Throwable t, int max) {
        return cut(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), max);
    }

    private static String cut(String message, int max) {
        String line = message.lines().findFirst().orElse(message);
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }
}
