/**
 * The agents' work: each role's deterministic artefact (with test hooks for failures and latency), the fallback
 * handler of every agent, the model-backed handler of every role (versioned prompts and artefact schemas, answers
 * checked by schema, safety gate and judge) and the idea generator that may ask an LLM.
 * Must not import businesses or payments (it knows the catalogue), nor own delivery semantics: the runtime retries
 * and times out, payments and grading wrap handlers as decorators.
 */
package io.genesis.agents;
