/**
 * The payments tables over plain JDBC: the ledger's guarded transactions ({@code LedgerTx}), payment rows and their
 * history, mandates, budgets, spend totals and the sweeper's work lists. Holds every SQL statement of payments and no
 * payment rule: what may happen is decided in {@code io.genesis.payments}, stores only say how it is written and read.
 */
package io.genesis.payments.store;
