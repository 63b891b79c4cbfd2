/**
 * Durable, signed webhook delivery: terminal task results (enqueued by the runtime) and business notifications such
 * as spend summaries (enqueued by their owner with their body and retry policy). Claims due jobs from the webhook
 * sorted set, POSTs them with an HMAC-SHA256 signature, retries with backoff and records the outcome of every
 * delivery. Must not change task states or decide when a webhook is due in the first place.
 */
package io.genesis.runtime.webhook;
