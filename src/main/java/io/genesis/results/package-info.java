/**
 * Task results in SQL: the {@code omnidaemon_task_results} row written once per terminal task, and the store that
 * writes it idempotently. Does not decide task outcomes; the runtime does.
 */
package io.genesis.results;
