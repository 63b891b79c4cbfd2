package io.genesis.agents;

/**
 * A past case of the same agent that CaseBank found similar to a task, as the prompt quotes it: in that situation,
 * doing that earned that reward (0..1); {@code similarity} is the cosine similarity of the situations.
 */
public record CaseHint(String situation, String action, double reward, double similarity) {
}
