package io.genesis.problem;

/** Exception messages cut to one line a client may read: no stack, no second line, bounded length. */
final class ProblemText {

    private static final int MAX_LENGTH = 300;

    private ProblemText() {
    }

    static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }

    static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message);
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
