package io.genesis.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/** One x402 payment attempt, a row of {@code x402_payments} (see sql/V1 for every column's meaning). */
@Entity
@Table(name = "x402_payments")
public class PaymentRecord {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "idempotency_key", nullable = false, length = 128, unique = true)
    private String idempotencyKey;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind = "CHARGE";

    @Column(name = "business_id", length = 64)
    private String businessId;

    @Column(name = "agent_id", nullable = false, length = 100)
    private String agentId;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(name = "mandate_id", length = 64)
    private String mandateId;

    @Column(name = "vendor_url", nullable = false, length = 2048)
    private String vendorUrl;

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

    @Column(name = "cost_cents", nullable = false, precision = 18, scale = 2)
    private BigDecimal costCents;

    @Column(name = "status", nullable = false, length = 24)
    private String status;

    @Column(name = "tx_hash", length = 128)
    private String txHash;

    @Column(name = "simulated", nullable = false)
    private boolean simulated = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected PaymentRecord() {
    }

    public PaymentRecord(String id, String idempotencyKey, String agentId, String vendorUrl, String scheme, String network,
                         String asset, String payTo, BigInteger amountAtomic, BigDecimal costCents, String status) {
        this.id = id;
        this.idempotencyKey = idempotencyKey;
        this.agentId = agentId;
        this.vendorUrl = vendorUrl;
        this.scheme = scheme;
        this.network = network;
        this.asset = asset;
        this.payTo = payTo;
        this.amountAtomic = amountAtomic;
        this.costCents = costCents;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String getId() { return id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getKind() { return kind; }
    public String getBusinessId() { return businessId; }
    public void setBusinessId(String businessId) { this.businessId = businessId; }
    public String getAgentId() { return agentId; }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public String getMandateId() { return mandateId; }
    public void setMandateId(String mandateId) { this.mandateId = mandateId; }
    public String getVendorUrl() { return vendorUrl; }
    public String getScheme() { return scheme; }
    public String getNetwork() { return network; }
    public String getAsset() { return asset; }
    public String getPayTo() { return payTo; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public BigInteger getAmountAtomic() { return amountAtomic; }
    public BigDecimal getCostCents() { return costCents; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; this.updatedAt = Instant.now(); }
    public String getTxHash() { return txHash; }
    public void setTxHash(String txHash) { this.txHash = txHash; }
    public boolean isSimulated() { return simulated; }
    public void setSimulated(boolean simulated) { this.simulated = simulated; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
}
