/**
 * The seam to a real language model: an OpenAI-compatible chat-completions client, switched on by genesis.llm.base-url.
 * Must not log prompts, answers or the API key, and must never be required: without it agents work offline.
 */
package io.genesis.agents.llm;
