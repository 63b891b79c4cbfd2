/**
 * Agent payments: purchases under AP2 mandates and the approval policy, paid over x402 (one-shot or staged), the
 * append-only ledger around {@code x402_payments}, budgets and spend summaries. Never stores or logs a private key.
 */
package io.genesis.payments;
