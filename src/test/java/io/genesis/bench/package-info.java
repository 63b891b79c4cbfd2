/**
 * The runtime benchmark (mvn verify -Pbench): raw Redis Streams loops and the whole runtime measured in one run, numbers printed and written to target/benchmark.
 * It must not run in the normal build and must not assert timing thresholds: speed is measured and reported, never a test verdict.
 */
package io.genesis.bench;
