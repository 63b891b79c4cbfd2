package io.genesis.payments.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaAgentPolicyTest {

    private static final MetaAgentPolicy META = new MetaAgentPolicy(5000);

    private static Verdict escalated(RuleCode... codes) {
        return new Verdict(Outcome.ESCALATED, List.of(), java.util.Arrays.stream(codes)
                .map(code -> new Reason(code, Reason.Effect.ESCALATE, code.name())).toList());
    }

    @Test
    void approvesASizeOnlyEscalationWithAPurposeWithinItsLimit() {
        assertTrue(META.approve(escalated(RuleCode.REQUIRES_META_AGENT), 1250, "GPU test run").orElseThrow().contains("$12.50"));
    }

    @Test
    void leavesLargerAmountsMissingPurposesAndVelocityToAHuman() {
        assertTrue(META.approve(escalated(RuleCode.REQUIRES_META_AGENT), 5001, "GPU").isEmpty());
        assertTrue(META.approve(escalated(RuleCode.REQUIRES_META_AGENT), 1250, " ").isEmpty());
        assertTrue(META.approve(escalated(RuleCode.VELOCITY_AGENT), 100, "x").isEmpty());
        assertTrue(META.approve(new Verdict(Outcome.DENIED, List.of(), List.of(new Reason(RuleCode.FRAUD_PATTERN,
                Reason.Effect.DENY, "no"))), 100, "x").isEmpty());
    }
}
