/**
 * The local x402 world of development and tests (only while {@code genesis.simulation.enabled}, see
 * {@code SimulationOnly}): simulated agent wallets, vendors that answer 402, and a facilitator with
 * spec bodies, error codes and nonce replay protection on a simulated chain ({@code SimulatedChainStore}, its only SQL).
 * Must not be used when a real facilitator is configured; the servlets are HTTP endpoints themselves.
 */
package io.genesis.payments.sim;
