package io.genesis.payments.policy;

import java.time.Duration;

/**
 * The stateful facts of the policy. Implementations make {@link #reserveAgentDay} and {@link #reserveBusiness}
 * atomic (check and reserve in one step) and undo both when the verdict ends up DENIED.
 */
public interface SpendLedger {

    /** A reservation attempt: granted or not, and the cents already committed before it. */
    record Reservation(boolean granted, long committedBeforeCents) {
    }

    Reservation reserveAgentDay(String agentId, long cents, long limitCents);

    Reservation reserveBusiness(String businessId, long cents, long limitCents);

    /**
     * Another live charge (awaiting approval to captured) of the same agent and business for the same request
     * fingerprint and amount within {@code window}.
     */
    boolean duplicateCharge(String agentId, String businessId, String fingerprint, long amountCents, Duration window);

    /** The EIP-3009 nonce is already recorded for this payer on another payment. */
    boolean nonceUsed(String payer, String nonce);

    /** Live charges (approved to captured) of the agent created within {@code window}. */
    int chargesWithin(String agentId, Duration window);

    /**
     * The purchase is one the Meta-Agent planned for its task against the budgets (one per agent and business, its cents
     * earmarked before the task was published), not one the agent chose on its own.
     */
    boolean planned();
}
