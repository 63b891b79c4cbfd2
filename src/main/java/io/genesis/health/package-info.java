/**
 * MicroProfile Health checks: readiness probes the remote dependencies (Redis, PostgreSQL) by name; liveness and
 * startup look only at this JVM. Checks must not change state beyond nudging a pending schema migration.
 */
package io.genesis.health;
