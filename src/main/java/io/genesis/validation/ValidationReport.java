package io.genesis.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AOP verdict: passed only if every check passed; the reward-model quality score (0..1); the issues that failed a
 * check; warnings that did not; and each check by name ({@code solvability, completeness, non_redundancy, budget,
 * security}; {@code budget} only when a budget was given).
 */
public record ValidationReport(boolean passed, double qualityScore, List<String> issues, List<String> warnings,
                               Map<String, Boolean> checks) {

    public ValidationReport {
        issues = List.copyOf(issues);
        warnings = List.copyOf(warnings);
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }
}
