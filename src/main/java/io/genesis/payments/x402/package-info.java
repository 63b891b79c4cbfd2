/**
 * The x402 v2 wire: PAYMENT-REQUIRED / PAYMENT-SIGNATURE / PAYMENT-RESPONSE headers (base64 JSON), the spec objects
 * kept verbatim, and HTTP clients for vendors and facilitators. Knows nothing of budgets, mandates or approvals.
 */
package io.genesis.payments.x402;
