/**
 * The payments REST surface: purchases, decisions, staged capture/void/refund, mandates (list, revoke), budgets and
 * business spend (summary, webhook deliveries). Only validates, translates and hands off to
 * {@code io.genesis.payments}; holds no payment logic or SQL.
 */
package io.genesis.payments.boundary;
