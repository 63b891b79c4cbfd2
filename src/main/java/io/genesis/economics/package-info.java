/**
 * The Meta-Agent's business arithmetic: revenue projection, deployment costs, success criteria, deployment URL.
 * Pure formulas of the Genesis code: must not use a clock, randomness, Redis, SQL or HTTP.
 */
package io.genesis.economics;
