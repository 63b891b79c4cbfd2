/**
 * Routing: the agent catalogue, the HALO router (rules, aliases, capability match) and DAAO (difficulty, model tier,
 * cost-driven reassignment). Pure logic over a task DAG; it never plans, validates, publishes or runs tasks.
 */
package io.genesis.routing;
