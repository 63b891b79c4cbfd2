package io.genesis.payments;

import java.time.LocalDate;

/**
 * What planning one purchase of a business task decided: {@code COVERED} (earmarked, the task buys it), {@code SKIPPED}
 * (optional and not covered: the task runs without it, {@code reason} says why) or {@code WAITING} (required and not
 * covered: the task waits, {@code block} is the budget that stops it).
 */
public record PurchasePlan(Outcome outcome, String vendorId, long cents, boolean required, String reason, BudgetBlock block) {

    public enum Outcome { COVERED, SKIPPED, WAITING }

    /**
     * The budget that cannot cover a purchase: {@code agent_daily} (the agent's budget in the tenant on {@code day}) or
     * {@code business} (the per-business limit); the cents needed, left and the limit.
     */
    public record BudgetBlock(String budget, String agentId, String tenantId, long neededCents, long leftCents, long limitCents,
                              LocalDate day) {
    }
}
