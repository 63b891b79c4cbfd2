/**
 * Team composition: required capabilities of a business and the deterministic Inclusive Fitness Swarm (binary PSO)
 * that picks the team; the genotypes themselves are identity data in {@code io.genesis.catalog}.
 * Must not import businesses or payments, call agents, Redis, SQL or HTTP, nor read the wall clock.
 */
package io.genesis.teams;
