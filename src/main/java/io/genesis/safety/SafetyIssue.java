package io.genesis.safety;

/**
 * One problem found in a query.
 *
 * @param category what kind of problem
 * @param topic    finer grouping for dashboards, e.g. {@code hacking}, {@code violence}, {@code drugs}
 * @param severity 0..1, how bad a match is
 * @param matched  the text that matched
 * @param rule     the phrase or pattern that matched
 */
public record SafetyIssue(IssueCategory category, String topic, double severity, String matched, String rule) {

    public SafetyIssue {
        if (severity < 0 || severity > 1) {
            throw new IllegalArgumentException("severity must be within 0..1");
        }
    }
}
