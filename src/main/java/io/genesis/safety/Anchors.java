package io.genesis.safety;

import java.util.List;

/**
 * Literals at least one of which every match of an expression contains: a text holding none of them cannot match,
 * so the expression need not run (the gate's and the redactor's expressions were most of their cost).
 */
record Anchors(List<String> literals) {

    Anchors {
        literals = List.copyOf(literals);
    }

    /** Whether the text (already in the case the literals are written in) holds at least one of them. */
    boolean anyIn(String text) {
        for (String literal : literals) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }
}
