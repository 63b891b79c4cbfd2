/**
 * The payments REST surface: purchases, decisions, staged capture/void/refund, mandates (list, revoke), budgets,
 * the vendor catalogue and business spend (summary, webhook deliveries), and {@code PaymentProblems}, which turns payments failures into
 * problem+json. Takes the tenant scope and the caller's subject from the token ({@code TenantResolver}, through
 * {@code Callers}) and never from a body. Only validates, translates and hands off to {@code io.genesis.payments} (reads may go to its stores);
 * must not hold payment logic or SQL.
 */
package io.genesis.payments.boundary;
