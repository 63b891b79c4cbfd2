/**
 * The x402 wire, v2 (PAYMENT-REQUIRED / PAYMENT-SIGNATURE / PAYMENT-RESPONSE headers, base64 JSON) and v1 (402 JSON
 * body, X-PAYMENT / X-PAYMENT-RESPONSE): the spec objects kept verbatim, v1 network names mapped to CAIP-2, and HTTP
 * clients for vendors and facilitators with their fault tolerance (a call carrying a payment is retried only when
 * nothing was sent). Knows nothing of budgets, mandates or approvals.
 */
package io.genesis.payments.x402;
