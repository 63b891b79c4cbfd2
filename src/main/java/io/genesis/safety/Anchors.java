package io.genesis.safety;

import java.util.List;

/**
 * Literals at least one of which every match of an expression contains: a text holding none of them cannot match,
 * so the expression need not run (the gate's and the redactor's expressions were most of their cost). When every
 * match holds its literal at the start of a word ({@code \b} or whitespace before it in the expression), the literal
 * only counts there ({@link #atWordStart}): "prod" in "product" or "-" inside an identifier then runs no expression.
 */
record Anchors(List<String> literals, boolean wordStart) {

    Anchors {
        literals = List.copyOf(literals);
    }

    /** Literals that count wherever they are. */
    Anchors(List<String> literals) {
        this(literals, false);
    }

    /** Literals that count only at the start of a word (nothing or a non-word character before them). */
    static Anchors atWordStart(List<String> literals) {
        return new Anchors(literals, true);
    }

    /** Whether the text (already in the case the literals are written in) holds at least one of them. */
    boolean anyIn(String text) {
        for (String literal : literals) {
            if (wordStart ? atWordStart(text, literal) : text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean atWordStart(String text, String literal) {
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
            if (at == 0 || !isWordChar(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A word character as {@code \b} of {@link java.util.regex.Pattern} sees it (without UNICODE_CHARACTER_CLASS). */
    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
