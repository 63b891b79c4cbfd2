package io.genesis.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One x402 payment attempt, a row of {@code x402_payments} (sql/V1 and V4 say what each column means), as the read
 * side sees it. Read-only here: every write is a guarded transition of {@link PaymentLedger}, so the state machine,
 * its append-only events and the budget reservations always change together.
 */
@Entity
@Immutable
@Table(name = "x402_payments")
public class PaymentRecord {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "idempotency_key", nullable = false, length = 128, unique = true)
    private String idempotencyKey;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "parent_payment_id", length = 64)
    private String parentPaymentId;

    @Column(name = "tenant_id", nullable = false, length = 100)
    private String tenantId;

    @Column(name = "mode", nullable = false, length = 12)
    private String mode;

    @Column(name = "business_id", length = 64)
    private String businessId;

    @Column(name = "agent_id", nullable = false, length = 100)
    private String agentId;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(name = "mandate_id", length = 64)
    private String mandateId;

    @Column(name = "vendor_id", length = 64)
    private String vendorId;

    @Column(name = "vendor_url", nullable = false, length = 2048)
    private String vendorUrl;

    @Column(name = "http_method", length = 10)
    private String httpMethod;

    @Column(name = "request_fingerprint", length = 128)
    private String requestFingerprint;

    @Column(name = "request_body", columnDefinition = "jsonb")
    private String requestBody;

    @Column(name = "purpose", length = 1024)
    private String purpose;

    @Column(name = "x402_version", nullable = false)
    private short x402Version;

    @Column(name = "scheme", nullable = false, length = 16)
    private String scheme;

    @Column(name = "network", nullable = false, length = 64)
    private String network;

    @Column(name = "asset", nullable = false, length = 128)
    private String asset;

    @Column(name = "pay_to", nullable = false, length = 128)
    private String payTo;

    @Column(name = "payer", length = 128)
    private String payer;

    @Column(name = "amount_atomic", nullable = false, precision = 78, scale = 0)
    private BigInteger amountAtomic;

    @Column(name = "requested_cents", nullable = false, precision = 18, scale = 2)
    private BigDecimal requestedCents;

    @Column(name = "cost_cents", nullable = false, precision = 18, scale = 2)
    private BigDecimal costCents;

    @Column(name = "captured_cents", nullable = false, precision = 18, scale = 2)
    private BigDecimal capturedCents;

    @Column(name = "refunded_cents", nullable = false, precision = 18, scale = 2)
    private BigDecimal refundedCents;

    @Column(name = "auth_nonce", length = 66, columnDefinition = "bpchar")
    private String authNonce;

    @Column(name = "valid_before")
    private Long validBefore;

    @Column(name = "status", nullable = false, length = 24)
    private String status;

    @Column(name = "x402_status", length = 24)
    private String x402Status;

    @Column(name = "error_code", length = 128)
    private String errorCode;

    @Column(name = "error_category", length = 32)
    private String errorCategory;

    @Column(name = "error_message", length = 1024)
    private String errorMessage;

    @Column(name = "tx_hash", length = 128)
    private String txHash;

    @Column(name = "facilitator_url", length = 512)
    private String facilitatorUrl;

    @Column(name = "simulated", nullable = false)
    private boolean simulated;

    @Column(name = "payment_required_json", columnDefinition = "jsonb")
    private String paymentRequiredJson;

    @Column(name = "requirements_json", columnDefinition = "jsonb")
    private String requirementsJson;

    @Column(name = "payload_json", columnDefinition = "jsonb")
    private String payloadJson;

    @Column(name = "verify_response_json", columnDefinition = "jsonb")
    private String verifyResponseJson;

    @Column(name = "settle_response_json", columnDefinition = "jsonb")
    private String settleResponseJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "authorized_at")
    private Instant authorizedAt;

    @Column(name = "captured_at")
    private Instant capturedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected PaymentRecord() {
    }

    public String getId() { return id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getKind() { return kind; }
    public String getParentPaymentId() { return parentPaymentId; }
    public String getTenantId() { return tenantId; }
    public String getMode() { return mode; }
    public String getBusinessId() { return businessId; }
    public String getAgentId() { return agentId; }
    public String getTaskId() { return taskId; }
    public String getMandateId() { return mandateId; }
    public String getVendorId() { return vendorId; }
    public String getVendorUrl() { return vendorUrl; }
    public String getHttpMethod() { return httpMethod; }
    public String getRequestFingerprint() { return requestFingerprint; }
    public String getRequestBody() { return requestBody; }
    public String getPurpose() { return purpose; }
    public int getX402Version() { return x402Version; }
    public String getScheme() { return scheme; }
    public String getNetwork() { return network; }
    public String getAsset() { return asset; }
    public String getPayTo() { return payTo; }
    public String getPayer() { return payer; }
    public BigInteger getAmountAtomic() { return amountAtomic; }
    public BigDecimal getRequestedCents() { return requestedCents; }
    public BigDecimal getCostCents() { return costCents; }
    public BigDecimal getCapturedCents() { return capturedCents; }
    public BigDecimal getRefundedCents() { return refundedCents; }
    public String getAuthNonce() { return authNonce; }
    public Long getValidBefore() { return validBefore; }
    public String getStatus() { return status; }
    public String getX402Status() { return x402Status; }
    public String getErrorCode() { return errorCode; }
    public String getErrorCategory() { return errorCategory; }
    public String getErrorMessage() { return errorMessage; }
    public String getTxHash() { return txHash; }
    public String getFacilitatorUrl() { return facilitatorUrl; }
    public boolean isSimulated() { return simulated; }
    public String getPaymentRequiredJson() { return paymentRequiredJson; }
    public String getRequirementsJson() { return requirementsJson; }
    public String getPayloadJson() { return payloadJson; }
    public String getVerifyResponseJson() { return verifyResponseJson; }
    public String getSettleResponseJson() { return settleResponseJson; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getApprovedAt() { return approvedAt; }
    public Instant getAuthorizedAt() { return authorizedAt; }
    public Instant getCapturedAt() { return capturedAt; }
    public Instant getVoidedAt() { return voidedAt; }
    public Instant getRefundedAt() { return refundedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
}
