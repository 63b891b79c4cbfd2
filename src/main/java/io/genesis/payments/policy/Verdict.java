package io.genesis.payments.policy;

import java.util.List;
import java.util.Optional;

/** The policy engine's answer: the outcome, every check made (in order), and the rules that fired. */
public record Verdict(Outcome outcome, List<Check> checks, List<Reason> reasons) {

    public Verdict {
        checks = List.copyOf(checks);
        reasons = List.copyOf(reasons);
    }

    /** The rule that denied, when denied. */
    public Optional<Reason> denial() {
        return reasons.stream().filter(reason -> reason.effect() == Reason.Effect.DENY).findFirst();
    }

    /** The first reason of the outcome (the denying, escalating or approving rule). */
    public Reason primary() {
        return denial().orElseGet(() -> reasons.get(0));
    }
}
