package io.genesis.safety;

/** What kind of problem a safety issue is. The first three are harms; over-refusal only lowers helpfulness. */
public enum IssueCategory {
    HARMFUL_CONTENT, PRIVACY_VIOLATION, MALICIOUS_INSTRUCTION, OVER_REFUSAL;

    /** Whether issues of this category lower the safety score and can block. */
    public boolean isHarm() {
        return this != OVER_REFUSAL;
    }
}
