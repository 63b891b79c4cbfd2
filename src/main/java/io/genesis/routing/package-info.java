/**
 * Routing: the agent catalogue lookups, the HALO router (rules, aliases, capability match) and DAAO (difficulty, model
 * tier, cost-driven reassignment); the profiles themselves are identity data in {@code io.genesis.catalog}.
 * Must not plan, validate, publish or run tasks: pure logic over a task DAG.
 */
package io.genesis.routing;
