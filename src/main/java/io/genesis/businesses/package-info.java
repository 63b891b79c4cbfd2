/**
 * Business creation by the Meta-Agent: intake, the persisted lifecycle and task DAG, and the event-driven
 * orchestration that advances a business as its tasks finish. Plans with the planning/routing/teams/safety beans;
 * never runs agent work itself (the runtime does).
 */
package io.genesis.businesses;
