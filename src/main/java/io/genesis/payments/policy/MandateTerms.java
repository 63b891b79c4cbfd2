package io.genesis.payments.policy;

import java.time.Instant;
import java.util.Set;

/**
 * What the policy needs from an open AP2 payment mandate: its status, validity window
 * ({@code payment.execution_date}), per-transaction cap ({@code payment.amount_range.max}, cents) and allowed
 * payees ({@code payment.allowed_payees}, vendor ids).
 */
public record MandateTerms(String mandateId, String status, Instant notBefore, Instant notAfter, long maxPerTransactionCents,
                           Set<String> allowedPayees) {

    public static final String ACTIVE = "ACTIVE";

    public MandateTerms {
        allowedPayees = Set.copyOf(allowedPayees);
    }
}
