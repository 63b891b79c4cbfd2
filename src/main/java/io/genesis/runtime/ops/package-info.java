/**
 * The operator view of the runtime: live stream, group, dead-letter and worker state read from Redis, cumulative
 * counters, Prometheus gauges, and dead-letter replay and purge. Must not consume or process tasks.
 */
package io.genesis.runtime.ops;
