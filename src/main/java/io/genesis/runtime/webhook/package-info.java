/**
 * Durable, signed webhook delivery of terminal task results: claims due jobs from the webhook sorted set, POSTs the
 * task state with an HMAC-SHA256 signature, retries with backoff and records the outcome of every delivery.
 * Must not change task states or decide when a webhook is due in the first place: the runtime enqueues the jobs.
 */
package io.genesis.runtime.webhook;
