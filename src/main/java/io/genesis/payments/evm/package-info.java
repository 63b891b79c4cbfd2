/**
 * Ethereum cryptography for x402 payments: Keccak-256, secp256k1 signatures (RFC 6979, low-s, recoverable), addresses
 * and EIP-712 / EIP-3009 hashing, on BouncyCastle's lightweight API. Pure functions: must not read configuration, do I/O or keep keys.
 */
package io.genesis.payments.evm;
