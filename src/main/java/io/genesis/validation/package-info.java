/**
 * The AOP validator: checks a routing plan against its task DAG (solvability, completeness, non-redundancy, budget,
 * security) and scores it. Pure logic: must not change a plan, route or run tasks.
 */
package io.genesis.validation;
