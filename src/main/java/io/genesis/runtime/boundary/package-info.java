/**
 * REST boundary of the runtime: task publishing and polling, agents, runtime health, metrics and the bus/DLQ
 * operator verbs. Validates and translates only: must not hold behaviour, which lives in {@code io.genesis.runtime}.
 */
package io.genesis.runtime.boundary;
