/**
 * MicroProfile Health checks: readiness probes the remote dependencies (Redis, PostgreSQL) by name; liveness and
 * startup look only at this JVM. Also tells a PostgreSQL outage from other SQL failures
 * ({@link io.genesis.health.DatabaseOutages}) so requests answer 503. Checks must not change state beyond nudging a
 * pending schema migration.
 */
package io.genesis.health;
