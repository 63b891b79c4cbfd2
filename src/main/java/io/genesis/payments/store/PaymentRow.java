package io.genesis.payments.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One row of {@code x402_payments} (sql/V1 and V4 say what each column means) as the read side sees it; the jsonb
 * columns as their text. Read-only: every write is a guarded transition of {@link LedgerTx}, so the state machine,
 * its append-only events and the budget reservations always change together.
 */
public record PaymentRow(
        String id, String idempotencyKey, String kind, String parentPaymentId, String tenantId, String mode,
        String businessId, String agentId, String taskId, String mandateId, String vendorId, String vendorUrl,
        String httpMethod, String requestFingerprint, String requestBody, String purpose, int x402Version, String scheme,
        String network, String asset, String payTo, String payer, BigInteger amountAtomic, BigDecimal requestedCents,
        BigDecimal costCents, BigDecimal capturedCents, BigDecimal refundedCents, String authNonce, Long validBefore,
        String status, String x402Status, String errorCode, String errorCategory, String errorMessage, String txHash,
        String facilitatorUrl, boolean simulated, String paymentRequiredJson, String requirementsJson, String payloadJson,
        String verifyResponseJson, String settleResponseJson, Instant createdAt, Instant approvedAt, Instant authorizedAt,
        Instant capturedAt, Instant voidedAt, Instant refundedAt, Instant updatedAt) {

    /** The columns in the order of the components, for {@code SELECT ... FROM x402_payments}. */
    static final String COLUMNS = """
            id, idempotency_key, kind, parent_payment_id, tenant_id, mode, business_id, agent_id, task_id, mandate_id,
            vendor_id, vendor_url, http_method, request_fingerprint, request_body::text, purpose, x402_version, scheme,
            network, asset, pay_to, payer, amount_atomic, requested_cents, cost_cents, captured_cents, refunded_cents,
            auth_nonce, valid_before, status, x402_status, error_code, error_category, error_message, tx_hash,
            facilitator_url, simulated, payment_required_json::text, requirements_json::text, payload_json::text,
            verify_response_json::text, settle_response_json::text, created_at, approved_at, authorized_at, captured_at,
            voided_at, refunded_at, updated_at""";
}
