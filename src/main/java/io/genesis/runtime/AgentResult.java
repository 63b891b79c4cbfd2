package io.genesis.runtime;

import jakarta.json.JsonValue;

import java.math.BigDecimal;

/**
 * What a handler returns: its output (published to {@code reply_to}, stored as the result), the cost it caused in
 * US cents, when it can be graded a quality score in [0, 1], and when a language model did the work the model that
 * answered and the tier that chose it (both null for work without a model). The task's row and state carry them
 * ({@code omnidaemon_task_results.model}, {@code model_tier}). Decorators change a result with the {@code with*}
 * methods, so what they do not touch survives.
 */
public record AgentResult(JsonValue output, BigDecimal costCents, Double qualityScore, String model, String modelTier) {

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

    /** A result of work without a model. */
    public AgentResult(JsonValue output, BigDecimal costCents, Double qualityScore) {
        this(output, costCents, qualityScore, null, null);
    }

    public static AgentResult of(JsonValue output) {
        return new AgentResult(output, BigDecimal.ZERO, null);
    }

    public AgentResult withOutput(JsonValue changed) {
        return new AgentResult(changed, costCents, qualityScore, model, modelTier);
    }

    public AgentResult withCostCents(BigDecimal changed) {
        return new AgentResult(output, changed, qualityScore, model, modelTier);
    }

    public AgentResult withQualityScore(Double changed) {
        return new AgentResult(output, costCents, changed, model, modelTier);
    }
}
