/**
 * The Meta-Agent's memory in PostgreSQL: namespaced records (success patterns, recall of similar businesses), CaseBank
 * cases and SE-Darwin trajectories. Storage only: must not hold the learning algorithms, which live in {@code io.genesis.evolution}.
 */
package io.genesis.memory;
