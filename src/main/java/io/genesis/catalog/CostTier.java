package io.genesis.catalog;

/**
 * What running an agent costs: the DAAO optimizer's price per 1M tokens ({@code CostProfiler.MODEL_PRICING}) and the
 * AOP validator's normalized cost (cheap .2, medium .5, expensive .9).
 */
public enum CostTier {
    CHEAP(0.03, 0.2),
    MEDIUM(3.0, 0.5),
    EXPENSIVE(15.0, 0.9);

    private final double pricePerMillionTokens;
    private final double normalizedCost;

    CostTier(double pricePerMillionTokens, double normalizedCost) {
        this.pricePerMillionTokens = pricePerMillionTokens;
        this.normalizedCost = normalizedCost;
    }

    public double pricePerMillionTokens() {
        return pricePerMillionTokens;
    }

    public double normalizedCost() {
        return normalizedCost;
    }
}
