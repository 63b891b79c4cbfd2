package io.genesis.evolution;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base score of a proposed patch, after the Genesis {@code CodeQualityValidator}: weighted structural checks,
 * syntax .30, imports .20, functions .20, docstrings .15, type hints .15. The code parsed Python's AST; the patches
 * SE-Darwin proposes here are Python-shaped text, checked with the textual equivalents below.
 */
final class CodeQuality {

    enum Criterion {
        SYNTAX(0.30, "syntax error"),
        IMPORTS(0.20, "missing imports"),
        FUNCTIONS(0.20, "no functions"),
        DOCSTRINGS(0.15, "missing docstrings"),
        TYPE_HINTS(0.15, "missing type hints");

        final double weight;
        final String failure;

        Criterion(double weight, String failure) {
            this.weight = weight;
            this.failure = failure;
        }
    }

    private static final Pattern IMPORT = Pattern.compile("(?m)^(?:import|from)\\s+\\w+");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*def \\w+\\(");
    private static final Pattern DEF_LINE = Pattern.compile("(?m)^\\s*def .*$");
    private static final Pattern TYPE_HINT = Pattern.compile("(?m)(?:\\)\\s*->\\s*[\\w\\[\\], ]+:\\s*$|^\\s*\\w+: [\\w\\[\\], ]+ = )");

    private CodeQuality() {
    }

    /** The criteria the code meets. */
    static Set<Criterion> met(String code) {
        Set<Criterion> met = EnumSet.noneOf(Criterion.class);
        if (syntaxValid(code)) {
            met.add(Criterion.SYNTAX);
        }
        if (IMPORT.matcher(code).find()) {
            met.add(Criterion.IMPORTS);
        }
        if (FUNCTION.matcher(code).find()) {
            met.add(Criterion.FUNCTIONS);
        }
        if (code.contains("\"\"\"")) {
            met.add(Criterion.DOCSTRINGS);
        }
        if (TYPE_HINT.matcher(code).find()) {
            met.add(Criterion.TYPE_HINTS);
        }
        return met;
    }

    static double score(Set<Criterion> met) {
        return met.stream().mapToDouble(criterion -> criterion.weight).sum();
    }

    /** Why the code falls short, heaviest criterion first. */
    static List<String> failures(Set<Criterion> met) {
        return Arrays.stream(Criterion.values()).filter(criterion -> !met.contains(criterion))
                .map(criterion -> criterion.failure).toList();
    }

    /** Brackets balanced and closed in order, quotes paired, every def line ending in a colon. */
    private static boolean syntaxValid(String code) {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : code.replace("\"\"\"", "").toCharArray()) {
            switch (c) {
                case '(', '[', '{' -> open.push(c);
                case ')', ']', '}' -> {
                    if (open.isEmpty() || open.pop() != opening(c)) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        boolean quotesPaired = code.replace("\"\"\"", "").chars().filter(c -> c == '"').count() % 2 == 0;
        return open.isEmpty() && quotesPaired && DEF_LINE.matcher(code).results().allMatch(line -> line.group().stripTrailing().endsWith(":"));
    }

    private static char opening(char closing) {
        return closing == ')' ? '(' : closing == ']' ? '[' : '{';
    }
}
