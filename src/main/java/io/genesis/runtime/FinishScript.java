package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code finish.lua}: records terminal outcomes, a batch at once and each atomically with its ack (state, counters,
 * dead letter, relay entry). One script call per topic of the batch, so each call stays in one hash slot. The only
 * place that knows the script's KEYS and ARGV.
 */
final class FinishScript {

    private static final LuaScript SCRIPT = LuaScript.load("finish", Map.of("TERMINAL_STATUSES", TaskStatus.luaTerminalSet()));
    private static final int ARGS_PER_TASK = 16;

    /**
     * One terminal transition. {@code entryId} is null when no stream entry is held (cancel); {@code requiredStatus}
     * null = any current status; the relay entry ({@link RelayEntry}) carries what goes to other slots; the dead-letter
     * envelope is null unless the task is dead-lettered; {@code model} and {@code modelTier} are null for work without a
     * model, {@code costCents} is every attempt's.
     */
    record FinishArgs(String taskId, String topic, String group, String entryId, TaskStatus status,
                      String completedAt, String resultJson, String error, String historyJson, long durationMs,
                      String relayEntryJson, String deadLetterEnvelopeJson, String agent, int attempts,
                      TaskStatus requiredStatus, String model, String modelTier, BigDecimal costCents) {
    }

    /** What the script did with one task. */
    enum Outcome {
        WRITTEN, ALREADY_TERMINAL, NOT_IN_REQUIRED_STATUS
    }

    private final RuntimeKeys keys;

    FinishScript(RuntimeKeys keys) {
        this.keys = keys;
    }

    /** Runs the finishes, one script call per topic; the outcomes are in the order of {@code finishes}. */
    List<Outcome> call(UnifiedJedis redis, List<FinishArgs> finishes, long stateTtlSeconds) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (int i = 0; i < finishes.size(); i++) {
            byTopic.computeIfAbsent(finishes.get(i).topic(), topic -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[finishes.size()];
        String now = String.valueOf(System.currentTimeMillis());
        for (Map.Entry<String, List<Integer>> topic : byTopic.entrySet()) {
            List<Integer> indexes = topic.getValue();
            List<String> scriptKeys = new ArrayList<>(indexes.size() * 5);
            List<String> args = new ArrayList<>(2 + indexes.size() * ARGS_PER_TASK);
            args.add(String.valueOf(stateTtlSeconds));
            args.add(now);
            for (int index : indexes) {
                FinishArgs f = finishes.get(index);
                scriptKeys.add(keys.task(f.topic(), f.taskId()));
                scriptKeys.add(keys.stream(f.topic()));
                scriptKeys.add(keys.metrics(f.topic()));
                scriptKeys.add(keys.deadLetters(f.topic()));
                scriptKeys.add(keys.relay(f.topic()));
                args.add(f.group());
                args.add(orEmpty(f.entryId()));
                args.add(f.status().wireName());
                args.add(f.completedAt());
                args.add(orEmpty(f.resultJson()));
                args.add(orEmpty(f.error()));
                args.add(f.historyJson());
                args.add(String.valueOf(f.durationMs()));
                args.add(f.relayEntryJson());
                args.add(orEmpty(f.deadLetterEnvelopeJson()));
                args.add(f.agent());
                args.add(String.valueOf(f.attempts()));
                args.add(f.requiredStatus() == null ? "" : f.requiredStatus().wireName());
                args.add(orEmpty(f.model()));
                args.add(orEmpty(f.modelTier()));
                args.add(f.costCents().toPlainString());
            }
            List<?> reply = (List<?>) SCRIPT.run(redis, scriptKeys, args);
            for (int i = 0; i < reply.size(); i++) {
                long code = (Long) reply.get(i);
                outcomes[indexes.get(i)] = code == 1 ? Outcome.WRITTEN : code == 0 ? Outcome.ALREADY_TERMINAL
                        : Outcome.NOT_IN_REQUIRED_STATUS;
            }
        }
        return Arrays.asList(outcomes);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
