/**
 * The agents' work. By default every agent is a deterministic simulation (with test hooks for failures and
 * latency); real LLM-backed work plugs in per agent. Owns no delivery semantics: the runtime retries and times out.
 */
package io.genesis.agents;
