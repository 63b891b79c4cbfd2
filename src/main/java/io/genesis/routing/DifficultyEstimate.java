package io.genesis.routing;

/**
 * DAAO's view of one task: difficulty score (0..1) and band, the model tier chosen for it, the tokens it will take,
 * what that costs on the chosen model, and how sure the band is (low near a band edge).
 */
public record DifficultyEstimate(double score, Difficulty band, ModelTier modelTier, int estimatedTokens,
                                 double modelCostUsd, double confidence) {
}
