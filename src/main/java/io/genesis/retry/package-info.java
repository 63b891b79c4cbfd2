/**
 * Retry timing shared by every component that retries: exponential backoff with jitter and the outbound HTTP retry
 * policy (which statuses retry, {@code Retry-After}). Must not import anything else of {@code io.genesis},
 * read a clock or configuration: callers pass the time and the random draw.
 */
package io.genesis.retry;
