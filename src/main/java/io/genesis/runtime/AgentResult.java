package io.genesis.runtime;

import jakarta.json.JsonValue;

import java.math.BigDecimal;

/**
 * What a handler returns: its output (published to {@code reply_to}, stored as the result), the cost it caused in
 * US cents and, when it can be graded, a quality score in [0, 1].
 */
public record AgentResult(JsonValue output, BigDecimal costCents, Double qualityScore) {

    public AgentResult {
        if (output == null) {
            output = JsonValue.NULL;
        }
        if (costCents == null) {
            costCents = BigDecimal.ZERO;
        }
        if (costCents.signum() < 0) {
            throw new IllegalArgumentException("cost cannot be negative");
        }
        if (qualityScore != null && (qualityScore < 0 || qualityScore > 1)) {
            throw new IllegalArgumentException("quality score must be within [0, 1]");
        }
    }

    public static AgentResult of(JsonValue output) {
        return new AgentResult(output, BigDecimal.ZERO, null);
    }
}
