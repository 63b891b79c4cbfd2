package io.genesis.payments.policy;

/** A rule that fired, with its effect and a sentence a person can act on. */
public record Reason(RuleCode code, Effect effect, String message) {

    public enum Effect { DENY, ESCALATE, ALLOW }
}
