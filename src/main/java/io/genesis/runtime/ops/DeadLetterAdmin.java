package io.genesis.runtime.ops;

import io.genesis.api.JsonConventions;
import io.genesis.redis.LuaScript;
import io.genesis.redis.RedisConnection;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.RuntimeKeys;
import io.genesis.runtime.TaskStatus;
import io.genesis.runtime.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.StreamEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Dead-letter administration: inspect, replay (all or chosen entries) and purge. A replayed entry goes back to its
 * topic stream with {@code delivery_attempts} reset, its task state is queued again with its history kept, and
 * the dead letter is deleted, all in one Lua script per batch, so an entry is never both replayed and kept, nor
 * lost in between.
 */
@ApplicationScoped
public class DeadLetterAdmin {

    /** The most dead letters one replay call handles; the caller repeats the call for the rest. */
    public static final int MAX_REPLAY_PER_CALL = 1000;

    private static final LuaScript REPLAY = LuaScript.load("dlq_replay");
    private static final LuaScript PURGE = LuaScript.load("dlq_purge");
    private static final int BATCH_ENTRIES = 100;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    TaskStore tasks;

    /** The newest {@code limit} dead letters of the topic, newest first. */
    public List<DeadLetter> newest(AgentPolicy policy, int limit) {
        return redis.client().xrevrange(keys.deadLetters(policy.topic()), "+", "-", limit).stream()
                .map(DeadLetter::of).toList();
    }

    public long depth(AgentPolicy policy) {
        return redis.client().xlen(keys.deadLetters(policy.topic()));
    }

    /** Replays the oldest {@link #MAX_REPLAY_PER_CALL} dead letters of the topic. */
    public ReplayOutcome replayOldest(AgentPolicy policy) {
        String deadLetters = keys.deadLetters(policy.topic());
        return replay(policy, redis.client().xrange(deadLetters, "-", "+", MAX_REPLAY_PER_CALL), new ArrayList<>());
    }

    /** Replays the given dead-letter ids (well-formed stream ids, at most {@link #MAX_REPLAY_PER_CALL}). */
    public ReplayOutcome replay(AgentPolicy policy, List<String> ids) {
        if (ids.size() > MAX_REPLAY_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_REPLAY_PER_CALL + " ids per replay call");
        }
        List<String> notFound = new ArrayList<>();
        List<StreamEntry> entries = ids.isEmpty() ? List.of() : fetch(keys.deadLetters(policy.topic()), ids, notFound);
        return replay(policy, entries, notFound);
    }

    private ReplayOutcome replay(AgentPolicy policy, List<StreamEntry> entries, List<String> notFound) {
        String deadLetters = keys.deadLetters(policy.topic());
        List<ReplayOutcome.Skipped> skipped = new ArrayList<>();
        List<Replay> ready = new ArrayList<>();
        for (StreamEntry entry : entries) {
            DeadLetter letter = DeadLetter.of(entry);
            String reason = unreplayable(letter, policy);
            if (reason == null) {
                ready.add(replayOf(letter, policy));
            } else {
                skipped.add(new ReplayOutcome.Skipped(letter.id(), reason));
            }
        }
        List<String> taskIds = new ArrayList<>();
        for (List<Replay> batch : batches(ready)) {
            List<?> flags = (List<?>) REPLAY.run(redis.client(), batchKeys(deadLetters, policy, batch), batchArgs(batch));
            for (int i = 0; i < batch.size(); i++) {
                if (((Long) flags.get(i)) == 1L) {
                    taskIds.add(batch.get(i).taskId());
                } else {
                    notFound.add(batch.get(i).id());
                }
            }
        }
        return new ReplayOutcome(taskIds.size(), taskIds, notFound, skipped, redis.client().xlen(deadLetters),
                MAX_REPLAY_PER_CALL);
    }

    /** Deletes every dead letter of the topic; returns how many there were. */
    public long purge(AgentPolicy policy) {
        return (Long) PURGE.run(redis.client(), List.of(keys.deadLetters(policy.topic())), List.of());
    }

    /** Why a dead letter cannot be replayed, or null when it can. */
    static String unreplayable(DeadLetter letter, AgentPolicy policy) {
        if (letter.envelope() == null) {
            return "data is not a JSON envelope";
        }
        if (letter.taskId() == null || letter.taskId().isBlank()) {
            return "envelope has no task_id";
        }
        String topic = JsonText.string(letter.envelope(), "topic");
        if (topic != null && !topic.equals(policy.topic())) {
            return "envelope topic '" + topic + "' is not the dead-letter topic '" + policy.topic() + "'";
        }
        return null;
    }

    /** The envelope to publish again: unchanged except {@code delivery_attempts}, which starts over at 0. */
    static String resetEnvelope(JsonObject envelope) {
        return JsonConventions.json().createObjectBuilder(envelope).add("delivery_attempts", 0).build().toString();
    }

    /** Task state fields for a task whose state hash is gone: queued, no attempts, the dead letter's history. */
    static String freshState(DeadLetter letter, AgentPolicy policy) {
        JsonObjectBuilder state = JsonConventions.json().createObjectBuilder()
                .add("task_id", letter.taskId())
                .add("topic", policy.topic())
                .add("agent", policy.agent())
                .add("status", TaskStatus.QUEUED.wireName())
                .add("attempts", "0")
                .add("history", letter.history().toString());
        for (String field : List.of("correlation_id", "causation_id", "tenant_id", "business_id", "created_at")) {
            String value = JsonText.string(letter.envelope(), field);
            if (value != null) {
                state.add(field, value);
            }
        }
        return state.build().toString();
    }

    private record Replay(String id, String taskId, String envelope, String freshState) {
        int bytes() {
            return envelope.getBytes(StandardCharsets.UTF_8).length + freshState.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private static Replay replayOf(DeadLetter letter, AgentPolicy policy) {
        return new Replay(letter.id(), letter.taskId(), resetEnvelope(letter.envelope()), freshState(letter, policy));
    }

    /** The requested entries that exist (one pipelined round trip); the others go to {@code notFound}. */
    private List<StreamEntry> fetch(String deadLetters, List<String> ids, List<String> notFound) {
        Map<String, Response<List<StreamEntry>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipe = redis.client().pipelined()) {
            for (String id : new LinkedHashSet<>(ids)) {
                replies.put(id, pipe.xrange(deadLetters, id, id));
            }
            pipe.sync();
        }
        List<StreamEntry> found = new ArrayList<>();
        replies.forEach((id, reply) -> {
            List<StreamEntry> match = reply.get();
            if (match.isEmpty()) {
                notFound.add(id);
            } else {
                found.add(match.get(0));
            }
        });
        return found;
    }

    /** Script calls of bounded size: at most {@value #BATCH_ENTRIES} entries and about 4 MiB of arguments each. */
    private static List<List<Replay>> batches(List<Replay> ready) {
        List<List<Replay>> batches = new ArrayList<>();
        List<Replay> current = new ArrayList<>();
        long bytes = 0;
        for (Replay replay : ready) {
            if (!current.isEmpty() && (current.size() == BATCH_ENTRIES || bytes + replay.bytes() > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(replay);
            bytes += replay.bytes();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private List<String> batchKeys(String deadLetters, AgentPolicy policy, List<Replay> batch) {
        List<String> batchKeys = new ArrayList<>(List.of(deadLetters, keys.stream(policy.topic())));
        batch.forEach(replay -> batchKeys.add(keys.task(policy.topic(), replay.taskId())));
        return batchKeys;
    }

    private List<String> batchArgs(List<Replay> batch) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(tasks.ttlSeconds())));
        batch.forEach(replay -> args.addAll(List.of(replay.id(), replay.envelope(), replay.freshState())));
        return args;
    }
}
