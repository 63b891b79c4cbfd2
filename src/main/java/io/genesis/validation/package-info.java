/**
 * The AOP validator: checks a routing plan against its task DAG (solvability, completeness, non-redundancy, budget,
 * security) and scores it. Pure logic; it never changes a plan, routes or runs tasks.
 */
package io.genesis.validation;
