/**
 * JDBC plumbing the components' stores share: one transaction on one connection, one parameterised read. Must not
 * know any component, table or exception of a component: each store wraps {@link java.sql.SQLException} in its own.
 */
package io.genesis.store;
