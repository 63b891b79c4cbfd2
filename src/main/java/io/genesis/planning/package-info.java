/**
 * The HTDAG planner: turns a business request into an immutable task DAG (blueprint phases, MVP features, recursive
 * refinement) under fixed limits. Pure logic: no Redis, SQL, HTTP, clock or randomness; it never routes or runs tasks.
 */
package io.genesis.planning;
