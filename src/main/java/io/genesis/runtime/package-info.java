/**
 * The event runtime on Redis Streams (the OmniDaemon part): agent registry, envelope, publishing, consumer loops,
 * retries, dead letters, results. Knows nothing of businesses or payments; handlers are plugged in per agent.
 */
package io.genesis.runtime;
