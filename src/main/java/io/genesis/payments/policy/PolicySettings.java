package io.genesis.payments.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tunable part of the policy (all from {@code genesis.payments.*}): accepted networks and assets, fraud phrases,
 * the auto-approval threshold, the velocity limit and the duplicate window.
 */
public record PolicySettings(Set<String> networks, Set<String> assets, List<String> fraudPhrases, long autoApproveBelowCents,
                             int velocityPerMinute, Duration duplicateWindow) {

    /** The phrases Genesis's approve_payment_intent treats as fraud; always checked, configuration may add more. */
    public static final List<String> GENESIS_FRAUD_PHRASES = List.of("urgent transfer", "wire request", "override budget",
            "suspicious vendor");

    public PolicySettings {
        networks = Set.copyOf(networks);
        assets = Set.copyOf(assets.stream().map(asset -> asset.toLowerCase(Locale.ROOT)).toList());
        fraudPhrases = java.util.stream.Stream.concat(GENESIS_FRAUD_PHRASES.stream(), fraudPhrases.stream())
                .map(phrase -> phrase.trim().toLowerCase(Locale.ROOT)).filter(phrase -> !phrase.isEmpty()).distinct().toList();
        if (autoApproveBelowCents < 0 || velocityPerMinute < 1 || duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("payments policy: auto-approve-below-cents >= 0, velocity-per-minute >= 1"
                    + " and a non-negative duplicate window are required");
        }
    }
}
