/**
 * The local x402 world used by default: simulated agent wallets, vendors that answer 402, and a facilitator with
 * spec bodies, error codes and nonce replay protection on a simulated chain. Never used when a real facilitator is configured.
 */
package io.genesis.payments.sim;
