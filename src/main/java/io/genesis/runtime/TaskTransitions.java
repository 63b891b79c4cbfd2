package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.genesis.api.JsonText;
import io.genesis.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import redis.clients.jedis.StreamEntryID;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The state changes of delivered tasks, each one atomic on Redis: begin the attempts of one read (one script call for
 * the batch), schedule a retry, finish (completed, failed, timed out, dead-lettered, cancelled). A finish writes the
 * state, the counters, the dead letter and the relay entry (SQL row, webhook job, notice) together with the ack, so an
 * acked task is always recorded; finishes of concurrent handlers share script calls through the {@link FinishQueue},
 * and the {@link TopicRelay} is woken to hand the relay entries on at once.
 */
@ApplicationScoped
public class TaskTransitions {

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    TaskStore tasks;

    @Inject
    TopicRelay relay;

    private BeginScript beginScript;
    private RetryScript retryScript;
    private FinishScript finishScript;
    private FinishQueue finishes;

    /** One delivery read from a topic stream. */
    public record Delivery(StreamEntryID entry, Envelope envelope) {
    }

    /** The outcome of starting a delivery: a duplicate of a finished task, or attempt n with the failures so far. */
    public record Begun(boolean duplicate, int attempt, List<TaskState.Attempt> history) {
    }

    /** Everything a terminal transition records. */
    public record Finish(TaskStatus status, int attempt, AgentResult result, String error, List<TaskState.Attempt> history,
                         long durationMs) {

        /** The task's cost: the result's plus what the failed attempts in the history spent. */
        BigDecimal costCents() {
            return (result == null ? BigDecimal.ZERO : result.costCents()).add(TaskState.spentBy(history));
        }

        /** The model that answered: the result's, else the one the last failed attempt asked (null for none). */
        String model() {
            if (result != null) {
                return result.model();
            }
            for (int i = history == null ? -1 : history.size() - 1; i >= 0; i--) {
                if (history.get(i).model() != null) {
                    return history.get(i).model();
                }
            }
            return null;
        }
    }

    @PostConstruct
    void scripts() {
        beginScript = new BeginScript(keys);
        retryScript = new RetryScript(keys);
        finishScript = new FinishScript(keys);
        finishes = new FinishQueue(this::finishAll);
    }

    /** Starts the deliveries of one read in one atomic script call; the replies are in the order of {@code deliveries}. */
    public List<Begun> begin(AgentPolicy policy, List<Delivery> deliveries, String workerId) {
        List<BeginScript.Delivery> calls = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            Envelope e = d.envelope();
            calls.add(new BeginScript.Delivery(e.taskId(), e.topic(), policy.consumerGroup(), d.entry().toString(),
                    e.deliveryAttempts(), TaskStore.fields(TaskState.queued(e, policy.agent()))));
        }
        List<Begun> begun = new ArrayList<>(deliveries.size());
        for (BeginScript.Reply reply : beginScript.call(redis.client(), calls, workerId, Instant.now().toString(), tasks.ttlSeconds())) {
            begun.add(reply.duplicate() ? new Begun(true, 0, List.of())
                    : new Begun(false, reply.attempt(), TaskStore.history(reply.historyJson())));
        }
        return begun;
    }

    /** Schedules attempt {@code attempt + 1} at {@code dueEpochMs} (counted in the topic's {@code retried}). */
    public void retry(AgentPolicy policy, StreamEntryID entry, Envelope envelope, int attempt, String error,
                      List<TaskState.Attempt> history, long dueEpochMs) {
        retryScript.call(redis.client(), new RetryScript.RetryArgs(envelope.taskId(), envelope.topic(), policy.consumerGroup(),
                entry.toString(), dueEpochMs, JsonConventions.jsonb().toJson(envelope.nextAttempt(attempt)), error,
                TaskStore.historyJson(history), attempt, RetryScript.RETRIED), tasks.ttlSeconds());
    }

    /**
     * Schedules attempt {@code attempt} again at {@code dueEpochMs}: it failed on a dependency's outage and is not
     * counted (the task's attempts go back to {@code attempt - 1}; counted in the topic's {@code outage_waits}).
     */
    public void waitOutOutage(AgentPolicy policy, StreamEntryID entry, Envelope envelope, int attempt, String error,
                              List<TaskState.Attempt> history, long dueEpochMs) {
        retryScript.call(redis.client(), new RetryScript.RetryArgs(envelope.taskId(), envelope.topic(), policy.consumerGroup(),
                entry.toString(), dueEpochMs, JsonConventions.jsonb().toJson(envelope.nextAttempt(attempt - 1)), error,
                TaskStore.historyJson(history), attempt - 1, RetryScript.OUTAGE_WAITS), tasks.ttlSeconds());
    }

    /**
     * Records a terminal status (sharing a script call with other handlers finishing now). Returns false when the task
     * had already finished (a duplicate): nothing is written then. The {@code task_finished} notice (when the envelope
     * names a {@code notify_topic}) carries {@code noticeTraceparent}, else the task's own.
     */
    public boolean finish(AgentPolicy policy, StreamEntryID entry, Envelope envelope, Finish finish, String workerId,
                          String noticeTraceparent) {
        return finishes.submit(finishArgs(policy, entry, envelope, finish, workerId, null, noticeTraceparent))
                == FinishScript.Outcome.WRITTEN;
    }

    /** Cancels a task that is still queued (not yet started): false if it is running or already finished. */
    public boolean cancelQueued(AgentPolicy policy, Envelope envelope, int attempts, List<TaskState.Attempt> history) {
        Finish cancel = new Finish(TaskStatus.CANCELLED, attempts, null, "cancelled by request", history, 0);
        FinishScript.FinishArgs args = finishArgs(policy, null, envelope, cancel, "api", TaskStatus.QUEUED, null);
        return finishAll(List.of(args)).get(0) == FinishScript.Outcome.WRITTEN;
    }

    private List<FinishScript.Outcome> finishAll(List<FinishScript.FinishArgs> batch) {
        List<FinishScript.Outcome> outcomes = finishScript.call(redis.client(), batch, tasks.ttlSeconds());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == FinishScript.Outcome.WRITTEN) {
                relay.wake(batch.get(i).topic());
            }
        }
        return outcomes;
    }

    private static FinishScript.FinishArgs finishArgs(AgentPolicy policy, StreamEntryID entry, Envelope envelope, Finish finish,
                                                      String workerId, TaskStatus requiredStatus, String noticeTraceparent) {
        Instant completedAt = Instant.now();
        String webhookJob = envelope.webhook() == null ? null : webhookJob(envelope);
        String output = finish.result() == null ? null : JsonText.of(finish.result().output());
        TaskResultRow row = TaskResultRow.of(envelope, policy.agent(), finish, output, completedAt, workerId);
        RelayEntry relayed = new RelayEntry(row.toText(), webhookJob, completedAt.toEpochMilli(), envelope.notifyTopic(),
                envelope.notifyTopic() == null ? null : notice(policy, envelope, finish, completedAt,
                        noticeTraceparent == null ? envelope.traceparent() : noticeTraceparent));
        return new FinishScript.FinishArgs(envelope.taskId(), envelope.topic(), policy.consumerGroup(),
                entry == null ? null : entry.toString(), finish.status(), row.completedAt(), output, finish.error(),
                TaskStore.historyJson(finish.history()), finish.durationMs(), relayed.toText(),
                // the script reads the envelope only for a dead letter, so the others skip JSON-B
                finish.status() == TaskStatus.DEAD_LETTERED ? JsonConventions.jsonb().toJson(envelope) : null,
                policy.agent(), finish.attempt(), requiredStatus, row.model(), row.modelTier(), row.costCents());
    }

    /** The webhook job of a finished task; its delivery span descends from the attempt that finished it. */
    private static String webhookJob(Envelope envelope) {
        JsonObjectBuilder job = JsonConventions.json().createObjectBuilder()
                .add("delivery_id", UUID.randomUUID().toString())
                .add("task_id", envelope.taskId())
                .add("url", envelope.webhook())
                .add("attempt", 0);
        String traceparent = TaskTracing.currentTraceparent(envelope.traceparent());
        if (traceparent != null) {
            job.add(TraceContext.HEADER, traceparent);
        }
        return job.build().toString();
    }

    /**
     * The {@code task_finished} notice for the envelope's {@code notify_topic}: a task of that topic's agent whose
     * content is the outcome; causation = the finished task, same correlation, tenant and business.
     */
    private static String notice(AgentPolicy policy, Envelope e, Finish finish, Instant completedAt, String traceparent) {
        JsonObjectBuilder outcome = JsonConventions.json().createObjectBuilder()
                .add("kind", "task_finished")
                .add("task_id", e.taskId())
                .add("topic", e.topic())
                .add("agent", policy.agent())
                .add("status", finish.status().wireName())
                .add("attempts", finish.attempt())
                .add("completed_at", completedAt.toString());
        if (finish.error() != null) {
            outcome.add("error", finish.error());
        }
        outcome.add("cost_cents", finish.costCents());
        if (finish.model() != null) {
            outcome.add("model", finish.model());
        }
        if (finish.result() != null) {
            outcome.add("result", finish.result().output());
            if (finish.result().qualityScore() != null) {
                outcome.add("quality_score", finish.result().qualityScore());
            }
        }
        Envelope notice = new Envelope(noticeId(e.taskId()), e.notifyTopic(), outcome.build(), null, null, e.correlationId(), e.taskId(),
                policy.agent(), e.tenantId(), 0, completedAt.toString(), traceparent, e.businessId(), null, null);
        return JsonConventions.jsonb().toJson(notice);
    }

    /** The task id of the {@code task_finished} notice of {@code taskId}: fixed, so a repeated finish repeats it. */
    static String noticeId(String taskId) {
        return UUID.nameUUIDFromBytes((taskId + "->finished").getBytes(StandardCharsets.UTF_8)).toString();
    }
}
