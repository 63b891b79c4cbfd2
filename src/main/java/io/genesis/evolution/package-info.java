/**
 * Learning from failure: SE-Darwin's deterministic evolution, the per-agent trajectory pool and the CaseBank's pure
 * parts (case ids, redaction, embeddings, ranking). Must not read or write storage, call LLMs or read the clock.
 */
package io.genesis.evolution;
