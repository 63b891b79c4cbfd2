/**
 * The payments tables over plain JDBC: the ledger's guarded transactions ({@code LedgerTx}), payment rows and their
 * history, mandates, budgets, spend totals and the sweeper's work lists. Every read and write a caller asks for names its
 * {@code TenantScope} in the query itself ({@code Where}). Holds every SQL statement of payments and must not hold a
 * payment rule: what may happen is decided in {@code io.genesis.payments}, stores only say how it is written and read.
 */
package io.genesis.payments.store;
