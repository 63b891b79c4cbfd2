package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

import java.util.List;

/**
 * {@code retry.lua}: parks the next delivery of a failed attempt in the delayed set and acks this one, atomically.
 * The only place that knows the script's KEYS and ARGV.
 */
final class RetryScript {

    private static final LuaScript SCRIPT = LuaScript.load("retry");

    /** A failed attempt to retry at {@code dueEpochMs} with the {@code nextEnvelopeJson}. */
    record RetryArgs(String taskId, String topic, String group, String entryId, long dueEpochMs, String nextEnvelopeJson,
                     String error, String historyJson) {
    }

    private final RuntimeKeys keys;

    RetryScript(RuntimeKeys keys) {
        this.keys = keys;
    }

    void call(UnifiedJedis redis, RetryArgs retry, long stateTtlSeconds) {
        SCRIPT.run(redis,
                List.of(keys.task(retry.topic(), retry.taskId()), keys.stream(retry.topic()), keys.metrics(retry.topic()),
                        keys.delayed(retry.topic())),
                List.of(retry.group(), retry.entryId(), String.valueOf(retry.dueEpochMs()), retry.nextEnvelopeJson(),
                        retry.error(), retry.historyJson(), String.valueOf(stateTtlSeconds)));
    }
}
