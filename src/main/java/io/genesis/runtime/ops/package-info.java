/**
 * The operator view of the runtime: live stream, group, dead-letter and worker state read from Redis, cumulative
 * counters, Prometheus gauges, dead-letter replay and purge, and the history of finished tasks over a window read from
 * PostgreSQL ({@code TaskHistoryStore}, read-only). Must not consume or process tasks.
 */
package io.genesis.runtime.ops;
