/**
 * The seam to a real language model: an OpenAI-compatible chat-completions client (structured output, token usage,
 * OpenAI or Azure authentication) switched on by genesis.llm.base-url, the strict JSON Schema subset validator, the
 * model roster (which agents and tenants, which model per tier and agent) and the token price table.
 * Must not log prompts, answers or the API key, must not know the runtime, and must never be required: without it
 * agents work offline.
 */
package io.genesis.agents.llm;
