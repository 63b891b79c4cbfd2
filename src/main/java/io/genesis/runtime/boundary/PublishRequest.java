package io.genesis.runtime.boundary;

import jakarta.json.JsonValue;

/** Body of {@code POST /api/tasks}: what to run, where the result goes, and whose chain it belongs to. */
public record PublishRequest(String topic, JsonValue content, String replyTo, String webhook, String correlationId,
                             String tenantId, String businessId) {
}
