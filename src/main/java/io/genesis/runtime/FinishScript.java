package io.genesis.runtime;

import io.genesis.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code finish.lua}: records terminal outcomes, a batch at once and each atomically with its ack (state, SQL outbox
 * row, counters, webhook job, dead letter, task_finished notice). The only place that knows the script's KEYS and ARGV.
 */
final class FinishScript {

    private static final LuaScript SCRIPT = LuaScript.load("finish", Map.of("TERMINAL_STATUSES", TaskStatus.luaTerminalSet()));
    private static final int ARGS_PER_TASK = 19;

    /**
     * One terminal transition. {@code entryId} is null when no stream entry is held (cancel); {@code requiredStatus}
     * null = any current status; the JSON texts (webhook job, dead-letter envelope, notice) are null when not needed;
     * {@code model} and {@code modelTier} are null for work without a model, {@code costCents} is every attempt's.
     */
    record FinishArgs(String taskId, String topic, String notifyTopic, String group, String entryId, TaskStatus status,
                      String completedAt, String resultJson, String error, String historyJson, long durationMs,
                      String outboxRowJson, String webhookJobJson, long webhookDueEpochMs, String deadLetterEnvelopeJson,
                      String agent, int attempts, TaskStatus requiredStatus, String noticeJson, String model, String modelTier,
                      BigDecimal costCents) {
    }

    /** What the script did with one task. */
    enum Outcome {
        WRITTEN, ALREADY_TERMINAL, NOT_IN_REQUIRED_STATUS
    }

    private final RuntimeKeys keys;

    FinishScript(RuntimeKeys keys) {
        this.keys = keys;
    }

    List<Outcome> call(UnifiedJedis redis, List<FinishArgs> finishes, long stateTtlSeconds) {
        List<String> scriptKeys = new ArrayList<>(2 + finishes.size() * 5);
        scriptKeys.add(keys.resultOutbox());
        scriptKeys.add(keys.webhooks());
        List<String> args = new ArrayList<>(1 + finishes.size() * ARGS_PER_TASK);
        args.add(String.valueOf(stateTtlSeconds));
        for (FinishArgs f : finishes) {
            scriptKeys.add(keys.task(f.taskId()));
            scriptKeys.add(keys.stream(f.topic()));
            scriptKeys.add(keys.metrics(f.topic()));
            scriptKeys.add(keys.deadLetters(f.topic()));
            scriptKeys.add(f.notifyTopic() == null ? "" : keys.stream(f.notifyTopic()));
            args.add(f.group());
            args.add(orEmpty(f.entryId()));
            args.add(f.status().wireName());
            args.add(f.completedAt());
            args.add(orEmpty(f.resultJson()));
            args.add(orEmpty(f.error()));
            args.add(f.historyJson());
            args.add(String.valueOf(f.durationMs()));
            args.add(f.outboxRowJson());
            args.add(orEmpty(f.webhookJobJson()));
            args.add(String.valueOf(f.webhookDueEpochMs()));
            args.add(orEmpty(f.deadLetterEnvelopeJson()));
            args.add(f.agent());
            args.add(String.valueOf(f.attempts()));
            args.add(f.requiredStatus() == null ? "" : f.requiredStatus().wireName());
            args.add(orEmpty(f.noticeJson()));
            args.add(orEmpty(f.model()));
            args.add(orEmpty(f.modelTier()));
            args.add(f.costCents().toPlainString());
        }
        List<?> reply = (List<?>) SCRIPT.run(redis, scriptKeys, args);
        List<Outcome> outcomes = new ArrayList<>(reply.size());
        for (Object value : reply) {
            long code = (Long) value;
            outcomes.add(code == 1 ? Outcome.WRITTEN : code == 0 ? Outcome.ALREADY_TERMINAL : Outcome.NOT_IN_REQUIRED_STATUS);
        }
        return outcomes;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
