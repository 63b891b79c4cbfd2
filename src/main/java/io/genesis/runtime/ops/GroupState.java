package io.genesis.runtime.ops;

import java.util.List;

/**
 * One consumer group of a stream ({@code XINFO GROUPS} + {@code XINFO CONSUMERS}). {@code entriesRead} and
 * {@code lag} are null when the Redis server does not report them (before 7.0).
 */
public record GroupState(String name, long consumerCount, long pending, String lastDeliveredId, Long entriesRead,
                         Long lag, List<ConsumerState> consumers) {

    /** One consumer (a worker) of a group; {@code inactiveMs} is null before Redis 7.2. */
    public record ConsumerState(String name, long pending, long idleMs, Long inactiveMs) {
    }
}
