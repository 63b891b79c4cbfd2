package io.genesis.routing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The LLM a task runs on, cheapest first, with its price per 1M tokens ({@code daao_router.py}). A tier priced at
 * {@value #PREMIUM_FROM_USD} USD per 1M tokens or more is premium, the others cheap: what picks
 * {@code genesis.llm.models.premium} or {@code .cheap} for a task.
 */
public enum ModelTier {
    LOCAL_LLM("local-llm", 0.00),
    GEMINI_2_5_FLASH("gemini-2.5-flash", 0.03),
    GEMINI_2_0_FLASH_LITE("gemini-2.0-flash-lite", 0.10),
    CLAUDE_3_7_SONNET("claude-3.7-sonnet", 1.50),
    GPT_4O("gpt-4o", 3.00),
    CLAUDE_4_SONNET("claude-4-sonnet", 5.00);

    /** The price per 1M tokens (USD) from which a tier is premium. */
    public static final double PREMIUM_FROM_USD = 1.0;

    private final String model;
    private final double pricePerMillionTokens;

    ModelTier(String model, double pricePerMillionTokens) {
        this.model = model;
        this.pricePerMillionTokens = pricePerMillionTokens;
    }

    public String model() {
        return model;
    }

    public double pricePerMillionTokens() {
        return pricePerMillionTokens;
    }

    /** Whether this tier is one of the premium models. */
    public boolean premium() {
        return pricePerMillionTokens >= PREMIUM_FROM_USD;
    }

    /** The tier of a model name as DAAO writes it ({@code business_tasks.model_tier}). */
    public static Optional<ModelTier> ofModel(String model) {
        return Arrays.stream(values()).filter(tier -> tier.model.equals(model)).findFirst();
    }
}
