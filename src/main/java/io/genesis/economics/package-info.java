/**
 * The Meta-Agent's business arithmetic: revenue projection, deployment costs, success criteria, deployment URL.
 * Must stay pure formulas of the Genesis code: no clock, no randomness, no Redis, SQL or HTTP.
 */
package io.genesis.economics;
