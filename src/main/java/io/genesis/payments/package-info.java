/**
 * Agent payments (AP2 mandates, x402 v2): the {@code x402_payments} ledger row and, as it grows, the approval
 * policy and the simulated vendor/facilitator. Never stores a private key.
 */
package io.genesis.payments;
