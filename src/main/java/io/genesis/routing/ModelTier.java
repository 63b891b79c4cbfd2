package io.genesis.routing;

/** The LLM a task runs on, cheapest first, with its price per 1M tokens ({@code daao_router.py}). */
public enum ModelTier {
    LOCAL_LLM("local-llm", 0.00),
    GEMINI_2_5_FLASH("gemini-2.5-flash", 0.03),
    GEMINI_2_0_FLASH_LITE("gemini-2.0-flash-lite", 0.10),
    CLAUDE_3_7_SONNET("claude-3.7-sonnet", 1.50),
    GPT_4O("gpt-4o", 3.00),
    CLAUDE_4_SONNET("claude-4-sonnet", 5.00);

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
}
