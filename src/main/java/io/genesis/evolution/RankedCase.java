package io.genesis.evolution;

/**
 * A case retrieved for a query.
 *
 * @param matched    the case
 * @param similarity cosine similarity of its state to the query
 * @param score      similarity * reward, the ranking key
 */
public record RankedCase(Case matched, double similarity, double score) {
}
