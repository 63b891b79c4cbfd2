/**
 * The HTDAG planner: turns a business request into an immutable task DAG (blueprint phases, MVP features, recursive
 * refinement) under fixed limits. Pure logic: must not use Redis, SQL, HTTP, a clock or randomness, nor route or run tasks.
 */
package io.genesis.planning;
