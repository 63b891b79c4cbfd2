package io.genesis.catalog;

import java.util.List;

/**
 * What an agent can do (HALO {@code AgentCapability}): the task types it supports, its skills, its cost tier, its
 * historical success rate (0..1) and how many tasks it takes at once.
 */
public record AgentProfile(String name, List<String> taskTypes, List<String> skills, CostTier costTier,
                           double successRate, int maxConcurrent) {

    /** HALO's default {@code max_concurrent_tasks}. */
    public static final int DEFAULT_MAX_CONCURRENT = 10;

    public AgentProfile {
        if (name == null || name.isBlank() || costTier == null || successRate < 0 || successRate > 1
                || maxConcurrent <= 0) {
            throw new IllegalArgumentException("invalid agent profile " + name);
        }
        taskTypes = List.copyOf(taskTypes);
        skills = List.copyOf(skills);
    }
}
