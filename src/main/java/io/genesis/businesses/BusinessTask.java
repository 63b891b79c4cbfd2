package io.genesis.businesses;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code business_tasks}: one task of a business's DAG and its outcome.
 *
 * @param modelTier the model tier DAAO chose for the task
 * @param model     the model that did its work (null until then, and for work without a model)
 */
public record BusinessTask(String businessId, String taskId, String runtimeTaskId, int position, String taskType,
                           String description, String agentId, List<String> dependsOn, boolean critical, DagTaskStatus status,
                           Double difficulty, String modelTier, Double estimatedCost, Double safetyScore,
                           Double qualityScore, int attempts, JsonValue result, String error, JsonObject metadata,
                           Instant publishedAt, Instant completedAt, String model) {
}
