/**
 * Schema migrations: applies the versioned SQL in {@code sql/} with Flyway at start-up and keeps retrying
 * while PostgreSQL is unreachable. Owns no tables itself; nothing else generates DDL.
 */
package io.genesis.schema;
