/**
 * Agent payments: purchases under AP2 mandates and the approval policy, paid over x402 v2 or v1 (one-shot or staged),
 * the append-only ledger around {@code x402_payments}, budgets, spend summaries, and the sweeper that expires holds and
 * reconciles lost settlement answers. Never stores or logs a private key.
 */
package io.genesis.payments;
