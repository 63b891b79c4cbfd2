/**
 * HGM-style quality grading of an agent's task output from what can be observed in it, deterministically.
 * Must not call an LLM judge or any remote service, nor keep state between grades.
 */
package io.genesis.quality;
