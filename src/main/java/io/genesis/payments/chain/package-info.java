/**
 * Reads the chain over Ethereum JSON-RPC to learn what became of an EIP-3009 authorization whose settlement answer
 * was lost ({@code authorizationState}, {@code AuthorizationUsed} logs, the latest block). Only reads: must not send a
 * transaction, hold a key, or decide anything about the ledger.
 */
package io.genesis.payments.chain;
