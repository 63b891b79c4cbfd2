/**
 * The approval policy: deterministic rules in a fixed order where deny wins, then auto-approve or escalate, and the
 * Meta-Agent's decision on escalations. Pure code that must not touch SQL or HTTP: budgets and history come through {@link io.genesis.payments.policy.SpendLedger}.
 */
package io.genesis.payments.policy;
