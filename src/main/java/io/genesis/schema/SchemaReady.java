package io.genesis.schema;

/** Fired once when the database schema is current; components that need the tables may start then. */
public record SchemaReady(String version) {
}
