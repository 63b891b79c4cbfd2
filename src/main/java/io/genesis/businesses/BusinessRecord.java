package io.genesis.businesses;

import jakarta.json.JsonObject;

import java.time.Instant;

/** A row of {@code businesses}. JSON columns are JSON-P objects ({@code null} when not set yet). */
public record BusinessRecord(String businessId, String tenantId, String businessType, BusinessStatus status,
                             boolean autonomous, String idempotencyKey, JsonObject request, JsonObject requirements,
                             JsonObject teamComposition, String deploymentUrl, String errorMessage,
                             Double executionTimeSeconds, JsonObject metadata, JsonObject revenueProjection,
                             Instant createdAt, Instant updatedAt, Instant completedAt) {
}
