package io.genesis.safety;

import java.util.List;

/**
 * The gate's answer for one query.
 *
 * @param safe           {@code safetyScore >= threshold} and not blocked: the task may run
 * @param safetyScore    1 - mean severity of the harm issues, 1.0 without any
 * @param helpfulness    WaltzRL's helpfulness estimate, 0..1
 * @param issues         everything found, in rule order
 * @param explanation    one line for logs and the task result
 * @param classification SAFE, BORDERLINE, UNSAFE or OVER_REFUSAL
 */
public record SafetyVerdict(boolean safe, double safetyScore, double helpfulness, List<SafetyIssue> issues,
                            String explanation, Classification classification) {

    public SafetyVerdict {
        issues = List.copyOf(issues);
    }
}
