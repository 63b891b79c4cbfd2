/**
 * Reads the chain over Ethereum JSON-RPC to learn what became of an EIP-3009 authorization whose settlement answer
 * was lost ({@code authorizationState}, {@code AuthorizationUsed} logs, the latest block). Only reads: never sends a
 * transaction, never holds a key, and decides nothing about the ledger.
 */
package io.genesis.payments.chain;
