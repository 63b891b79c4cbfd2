/**
 * Agent payments, one control class per use case: purchases under AP2 mandates and the approval policy, paid over x402
 * v2 or v1 (one-shot or staged), refunds, budgets, spend summaries, and the sweeper that expires holds and reconciles
 * lost settlement answers. Must not run SQL (that is {@code .store}), answer HTTP (it throws {@link
 * io.genesis.payments.PaymentFailure}s; {@code .boundary} maps them), or store or log a private key.
 */
package io.genesis.payments;
