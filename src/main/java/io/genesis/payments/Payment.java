package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.x402.X402Version;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the API shows it (snake_case JSON). The wire objects, decisions and events are filled only in the
 * single-payment view (and in the answer to a purchase); lists leave them out. {@code decision} is the latest of the
 * decisions: the policy's, or the Meta-Agent's or a human's after an escalation.
 */
public record Payment(
        String paymentId, String idempotencyKey, String kind, String parentPaymentId, String status,
        @JsonbProperty("x402_status") String x402Status,
        String mode, String tenantId, String businessId, String agentId, String taskId, String mandateId, String vendorId,
        String vendorUrl, String httpMethod, String requestFingerprint, JsonValue requestBody, String purpose,
        @JsonbProperty("x402_version") int x402Version, String scheme,
        String network, String asset, String payTo, String payer,
        String amountAtomic, BigDecimal requestedCents, BigDecimal costCents, BigDecimal capturedCents,
        BigDecimal refundedCents, String authNonce, Long validBefore, String txHash, String errorCode, String errorCategory,
        String errorMessage, boolean simulated, String facilitatorUrl, Instant createdAt, Instant approvedAt,
        Instant authorizedAt, Instant capturedAt, Instant voidedAt, Instant refundedAt, Instant updatedAt,
        JsonValue paymentRequired, JsonValue requirements, JsonValue payload, JsonValue verifyResponse,
        JsonValue settleResponse, List<Decision> decisions, List<Event> events, Decision decision,
        Instant approvalExpiresAt) {

    /** One row of {@code payment_decisions}. */
    public record Decision(String decisionId, String outcome, String approvalMode, String decidedBy, String policyVersion,
                           JsonValue checks, JsonValue reasons, String rationale, Instant decidedAt) {
    }

    /** One row of {@code payment_events}. */
    public record Event(String fromStatus, String toStatus, String actor, String reason, Instant at) {
    }

    public PaymentStatus paymentStatus() {
        return PaymentStatus.valueOf(status);
    }

    /** The x402 version the vendor quoted in, which every later wire object of the payment uses. */
    public X402Version wireVersion() {
        return X402Version.of(x402Version).orElseThrow(() -> new IllegalStateException("payment " + paymentId
                + " has x402 version " + x402Version + ", which is never paid"));
    }

    /**
     * The list view. {@code approvalTimeout} (null: not shown) gives a payment awaiting a human its
     * {@code approval_expires_at}: its last change plus the timeout, when {@link ApprovalTimeout} expires it.
     */
    static Payment summary(PaymentRecord row, java.time.Duration approvalTimeout) {
        return of(row, false, List.of(), List.of(), approvalTimeout);
    }

    /** The single-payment view, with the wire objects, decisions and events; {@code approvalTimeout} as in {@link #summary}. */
    static Payment detail(PaymentRecord row, List<Decision> decisions, List<Event> events, java.time.Duration approvalTimeout) {
        return of(row, true, decisions, events, approvalTimeout);
    }

    private static Payment of(PaymentRecord r, boolean detail, List<Decision> decisions, List<Event> events,
                              java.time.Duration approvalTimeout) {
        Instant approvalExpiresAt = approvalTimeout != null && PaymentStatus.PENDING_APPROVAL.name().equals(r.getStatus())
                && r.getUpdatedAt() != null ? r.getUpdatedAt().plus(approvalTimeout) : null;
        return new Payment(r.getId(), r.getIdempotencyKey(), r.getKind(), r.getParentPaymentId(), r.getStatus(), r.getX402Status(),
                r.getMode(), r.getTenantId(), r.getBusinessId(), r.getAgentId(), r.getTaskId(), r.getMandateId(), r.getVendorId(),
                r.getVendorUrl(), r.getHttpMethod(), r.getRequestFingerprint(), json(r.getRequestBody()), r.getPurpose(),
                r.getX402Version(), r.getScheme(), r.getNetwork(), r.getAsset(), r.getPayTo(), r.getPayer(),
                r.getAmountAtomic().toString(), r.getRequestedCents(), r.getCostCents(), r.getCapturedCents(), r.getRefundedCents(),
                r.getAuthNonce(), r.getValidBefore(), r.getTxHash(), r.getErrorCode(), r.getErrorCategory(), r.getErrorMessage(),
                r.isSimulated(), r.getFacilitatorUrl(), r.getCreatedAt(), r.getApprovedAt(), r.getAuthorizedAt(), r.getCapturedAt(),
                r.getVoidedAt(), r.getRefundedAt(), r.getUpdatedAt(),
                detail ? json(r.getPaymentRequiredJson()) : null, detail ? json(r.getRequirementsJson()) : null,
                detail ? json(r.getPayloadJson()) : null, detail ? json(r.getVerifyResponseJson()) : null,
                detail ? json(r.getSettleResponseJson()) : null, detail ? List.copyOf(decisions) : null,
                detail ? List.copyOf(events) : null, detail && !decisions.isEmpty() ? decisions.get(decisions.size() - 1) : null,
                approvalExpiresAt);
    }

    static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
