/**
 * The agents' work: each role's deterministic artefact (with test hooks for failures and latency), and the idea
 * generator that may ask an LLM. Owns no delivery semantics: the runtime retries and times out.
 */
package io.genesis.agents;
