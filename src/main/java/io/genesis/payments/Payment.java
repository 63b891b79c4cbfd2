package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.store.PaymentRow;
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
    static Payment summary(PaymentRow row, java.time.Duration approvalTimeout) {
        return of(row, false, List.of(), List.of(), approvalTimeout);
    }

    /** The single-payment view, with the wire objects, decisions and events; {@code approvalTimeout} as in {@link #summary}. */
    static Payment detail(PaymentRow row, List<Decision> decisions, List<Event> events, java.time.Duration approvalTimeout) {
        return of(row, true, decisions, events, approvalTimeout);
    }

    private static Payment of(PaymentRow r, boolean detail, List<Decision> decisions, List<Event> events,
                              java.time.Duration approvalTimeout) {
        Instant approvalExpiresAt = approvalTimeout != null && PaymentStatus.PENDING_APPROVAL.name().equals(r.status())
                && r.updatedAt() != null ? r.updatedAt().plus(approvalTimeout) : null;
        return new Payment(r.id(), r.idempotencyKey(), r.kind(), r.parentPaymentId(), r.status(), r.x402Status(),
                r.mode(), r.tenantId(), r.businessId(), r.agentId(), r.taskId(), r.mandateId(), r.vendorId(),
                r.vendorUrl(), r.httpMethod(), r.requestFingerprint(), json(r.requestBody()), r.purpose(),
                r.x402Version(), r.scheme(), r.network(), r.asset(), r.payTo(), r.payer(),
                r.amountAtomic().toString(), r.requestedCents(), r.costCents(), r.capturedCents(), r.refundedCents(),
                r.authNonce(), r.validBefore(), r.txHash(), r.errorCode(), r.errorCategory(), r.errorMessage(),
                r.simulated(), r.facilitatorUrl(), r.createdAt(), r.approvedAt(), r.authorizedAt(), r.capturedAt(),
                r.voidedAt(), r.refundedAt(), r.updatedAt(),
                detail ? json(r.paymentRequiredJson()) : null, detail ? json(r.requirementsJson()) : null,
                detail ? json(r.payloadJson()) : null, detail ? json(r.verifyResponseJson()) : null,
                detail ? json(r.settleResponseJson()) : null, detail ? List.copyOf(decisions) : null,
                detail ? List.copyOf(events) : null, detail && !decisions.isEmpty() ? decisions.get(decisions.size() - 1) : null,
                approvalExpiresAt);
    }

    /** Parses stored JSON text (a jsonb column); null stays null. */
    public static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JsonConventions.json().createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
