/**
 * The payments REST surface: purchases, decisions, staged capture/void/refund, mandates (list, revoke), budgets and
 * business spend (summary, webhook deliveries), and {@code PaymentProblems}, which turns payments failures into
 * problem+json. Only validates, translates and hands off to {@code io.genesis.payments} (reads may go to its stores);
 * holds no payment logic or SQL.
 */
package io.genesis.payments.boundary;
