package io.genesis.businesses;

import jakarta.json.JsonObject;

import java.time.Instant;

/** A row of {@code businesses}. JSON columns are JSON-P objects ({@code null} when not set yet). */
public record BusinessRecord(String businessId, String tenantId, String businessType, BusinessStatus status,
                             boolean autonomous, String idempotencyKey, JsonObject request, JsonObject requirements,
                             JsonObject teamComposition, String deploymentUrl, String errorMessage,
                             Double executionTimeSeconds, JsonObject metadata, JsonObject revenueProjection,
                             Instant createdAt, Instant updatedAt, Instant completedAt) {

    /** The same row with another status: what a transaction that moved the business knows of it. */
    public BusinessRecord withStatus(BusinessStatus now) {
        return new BusinessRecord(businessId, tenantId, businessType, now, autonomous, idempotencyKey, request, requirements,
                teamComposition, deploymentUrl, errorMessage, executionTimeSeconds, metadata, revenueProjection, createdAt,
                updatedAt, completedAt);
    }
}
