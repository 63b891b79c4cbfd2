/**
 * The ten business archetypes Genesis can build (type, features, stack, required agents, metrics), as pure data.
 * Must not hold state, read configuration or talk to Redis, SQL or HTTP; orchestration and REST live elsewhere.
 */
package io.genesis.businesses.catalog;
