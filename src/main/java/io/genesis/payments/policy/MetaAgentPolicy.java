package io.genesis.payments.policy;

import java.util.List;
import java.util.Optional;

/**
 * How the Meta-Agent decides an escalation, deterministically (AP2: verification happens in deterministic code even
 * when the role is agentic): it approves a purchase that escalated only for its size, stated a purpose and stays
 * within {@code approveMaxCents}; anything else (velocity, larger amounts) is left to a human.
 */
public record MetaAgentPolicy(long approveMaxCents) {

    /** The Meta-Agent's approval with its rationale, or empty when a human must decide. */
    public Optional<String> approve(Verdict escalated, long amountCents, String purpose) {
        List<RuleCode> fired = escalated.reasons().stream().map(Reason::code).toList();
        if (escalated.outcome() != Outcome.ESCALATED || !fired.equals(List.of(RuleCode.REQUIRES_META_AGENT))) {
            return Optional.empty();
        }
        if (purpose == null || purpose.isBlank() || amountCents > approveMaxCents) {
            return Optional.empty();
        }
        return Optional.of("Every rule passed; " + ApprovalPolicy.dollars(amountCents) + " for '" + purpose.strip()
                + "' is within the Meta-Agent's approval limit of " + ApprovalPolicy.dollars(approveMaxCents));
    }
}
