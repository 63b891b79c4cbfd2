/**
 * Team composition: agent genotypes, required capabilities of a business, and the deterministic Inclusive Fitness
 * Swarm (binary PSO) that picks the team. Must not call agents, Redis, SQL or HTTP, nor read the wall clock.
 */
package io.genesis.teams;
