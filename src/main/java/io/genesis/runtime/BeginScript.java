package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code begin.lua}: starts the deliveries of one read, each atomically (a duplicate of a finished task is acked and
 * skipped, otherwise the state becomes {@code processing} with the next attempt number). The only place that knows
 * the script's KEYS and ARGV.
 */
final class BeginScript {

    private static final LuaScript SCRIPT = LuaScript.load("begin", Map.of("TERMINAL_STATUSES", TaskStatus.luaTerminalSet()));

    /** One delivery to start; {@code seed} = the queued state's field/value pairs, written only if the state is gone. */
    record Delivery(String taskId, String topic, String group, String entryId, int deliveryAttempts, List<String> seed) {
    }

    /** A duplicate of a finished task ({@code attempt} -1, nothing to do), or attempt n with the failures so far. */
    record Reply(int attempt, String historyJson) {
        boolean duplicate() {
            return attempt < 0;
        }
    }

    private final RuntimeKeys keys;

    BeginScript(RuntimeKeys keys) {
        this.keys = keys;
    }

    List<Reply> call(UnifiedJedis redis, List<Delivery> deliveries, String workerId, String now, long stateTtlSeconds) {
        List<String> scriptKeys = new ArrayList<>(deliveries.size() * 3);
        List<String> args = new ArrayList<>(3 + deliveries.size() * 24);
        args.add(workerId);
        args.add(now);
        args.add(String.valueOf(stateTtlSeconds));
        for (Delivery d : deliveries) {
            scriptKeys.add(keys.task(d.topic(), d.taskId()));
            scriptKeys.add(keys.stream(d.topic()));
            scriptKeys.add(keys.metrics(d.topic()));
            args.add(d.group());
            args.add(d.entryId());
            args.add(String.valueOf(d.deliveryAttempts()));
            args.add(String.valueOf(d.seed().size()));
            args.addAll(d.seed());
        }
        List<?> reply = (List<?>) SCRIPT.run(redis, scriptKeys, args);
        List<Reply> replies = new ArrayList<>(deliveries.size());
        for (int i = 0; i < reply.size(); i += 2) {
            replies.add(new Reply(((Long) reply.get(i)).intValue(), LuaScript.text(reply.get(i + 1))));
        }
        return replies;
    }
}
