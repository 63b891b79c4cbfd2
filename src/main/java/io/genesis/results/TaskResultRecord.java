package io.genesis.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code omnidaemon_task_results}: a task in its terminal state (see sql/V1). */
@Entity
@Table(name = "omnidaemon_task_results")
public class TaskResultRecord {

    @Id
    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(name = "topic", nullable = false, length = 200)
    private String topic;

    @Column(name = "agent_id", nullable = false, length = 100)
    private String agentId;

    @Column(name = "tenant_id", nullable = false, length = 100)
    private String tenantId;

    @Column(name = "business_id", length = 64)
    private String businessId;

    @Column(name = "correlation_id", nullable = false, length = 64)
    private String correlationId;

    @Column(name = "causation_id", length = 64)
    private String causationId;

    @Column(name = "source", length = 200)
    private String source;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "duration_seconds", nullable = false)
    private double durationSeconds;

    @Column(name = "cost_cents", nullable = false, precision = 18, scale = 4)
    private BigDecimal costCents = BigDecimal.ZERO;

    @Column(name = "quality_score")
    private Double qualityScore;

    @Column(name = "input", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String input;

    @Column(name = "output", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String output;

    @Column(name = "error", columnDefinition = "text")
    private String error;

    @Column(name = "traceparent", length = 64)
    private String traceparent;

    @Column(name = "worker_id", length = 200)
    private String workerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected TaskResultRecord() {
    }

    public TaskResultRecord(String taskId, String topic, String agentId, String tenantId, String correlationId,
                            String status, Instant createdAt) {
        this.taskId = taskId;
        this.topic = topic;
        this.agentId = agentId;
        this.tenantId = tenantId;
        this.correlationId = correlationId;
        this.status = status;
        this.createdAt = createdAt;
        this.recordedAt = Instant.now();
    }

    public String getTaskId() { return taskId; }
    public String getTopic() { return topic; }
    public String getAgentId() { return agentId; }
    public String getTenantId() { return tenantId; }
    public String getBusinessId() { return businessId; }
    public void setBusinessId(String businessId) { this.businessId = businessId; }
    public String getCorrelationId() { return correlationId; }
    public String getCausationId() { return causationId; }
    public void setCausationId(String causationId) { this.causationId = causationId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public double getDurationSeconds() { return durationSeconds; }
    public void setDurationSeconds(double durationSeconds) { this.durationSeconds = durationSeconds; }
    public BigDecimal getCostCents() { return costCents; }
    public void setCostCents(BigDecimal costCents) { this.costCents = costCents; }
    public Double getQualityScore() { return qualityScore; }
    public void setQualityScore(Double qualityScore) { this.qualityScore = qualityScore; }
    public String getInput() { return input; }
    public void setInput(String input) { this.input = input; }
    public String getOutput() { return output; }
    public void setOutput(String output) { this.output = output; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public String getTraceparent() { return traceparent; }
    public void setTraceparent(String traceparent) { this.traceparent = traceparent; }
    public String getWorkerId() { return workerId; }
    public void setWorkerId(String workerId) { this.workerId = workerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public Instant getRecordedAt() { return recordedAt; }
}
