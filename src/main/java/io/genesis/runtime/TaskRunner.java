package io.genesis.runtime;

import io.genesis.retry.Backoff;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs deliveries of tasks: starts the deliveries of one read together (duplicates of finished tasks are skipped),
 * then per delivery calls the agent's handler under a real timeout ({@link HandlerCall}), and completes it (publishing {@code reply_to}), schedules a retry with backoff, or dead-letters it after the
 * last attempt. A failure that is a dependency's outage waits it out without using up an attempt ({@link OutageWaits}).
 */
@ApplicationScoped
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());
    private static final int MAX_ERROR_LENGTH = 2000;

    @Inject
    TaskTransitions transitions;

    @Inject
    HandlerCall call;

    @Inject
    TaskPublisher publisher;

    @Inject
    AgentRegistry agents;

    @Inject
    RuntimeMetrics metrics;

    @Inject
    WorkerIdentity worker;

    @Inject
    OutageWaits outages;

    @Inject
    TaskTracing tracing;

    @Inject
    @ConfigProperty(name = "genesis.runtime.retry-max-delay-seconds")
    long retryMaxDelaySeconds;

    /**
     * Starts the deliveries of one read in one atomic step; the replies are in the order of {@code deliveries} and a
     * duplicate needs no further work.
     */
    public List<TaskTransitions.Begun> begin(AgentPolicy policy, List<TaskTransitions.Delivery> deliveries) {
        List<TaskTransitions.Begun> begun = transitions.begin(policy, deliveries, worker.id());
        // a first attempt that waited out an outage runs as attempt 1 again, with that wait in its history
        begun.stream().filter(b -> !b.duplicate() && b.attempt() == 1 && b.history().isEmpty()).forEach(b -> metrics.received(policy));
        return begun;
    }

    /**
     * Processes a begun delivery under its processing span ({@link TaskTracing#process}). Returns normally in every case
     * but one: when this worker is shutting down (the thread is interrupted without a timeout), the entry is left
     * unacknowledged so another worker reclaims it.
     */
    public void run(AgentPolicy policy, StreamEntryID entry, Envelope envelope, TaskTransitions.Begun begun)
            throws InterruptedException {
        try (TaskTracing.Active processing = tracing.process(envelope, policy, begun.attempt(), worker.id())) {
            attempt(policy, entry, envelope, begun);
        }
    }

    private void attempt(AgentPolicy policy, StreamEntryID entry, Envelope envelope, TaskTransitions.Begun begun)
            throws InterruptedException {
        int attempt = begun.attempt();
        if (attempt > policy.maxAttempts()) {
            // a task whose earlier attempts died with their worker (no error recorded) is not run again forever
            finish(policy, entry, envelope, TaskStatus.DEAD_LETTERED, attempt - 1, null,
                    "gave up after " + (attempt - 1) + " attempts without an outcome (worker lost during processing)",
                    begun.history(), 0);
            return;
        }
        TaskContext context = new TaskContext(envelope, policy, attempt, worker.id());
        long started = System.nanoTime();
        try {
            AgentResult result = call.call(context);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            if (envelope.replyTo() != null) {
                publishReply(envelope, result);
            }
            finish(policy, entry, envelope, TaskStatus.COMPLETED, attempt, result, null, begun.history(), tookMs);
        } catch (HandlerCall.TimedOut timeout) {
            finish(policy, entry, envelope, TaskStatus.TIMED_OUT, attempt, null, timeout.getMessage(), withFailure(begun.history(),
                    attempt, timeout.getMessage(), context.spend()), (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException shutdown) {
            LOG.info("Task " + envelope.taskId() + " interrupted by shutdown; left for another worker to reclaim");
            throw shutdown;
        } catch (Exception failure) {
            String error = describe(failure);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            List<TaskState.Attempt> history = withFailure(begun.history(), attempt, error, context.spend());
            Optional<OutageWaits.Wait> wait = outages.of(failure, attempt, begun.history(), error, worker.id(), context.spend());
            if (wait.isPresent()) {
                TaskTracing.outcome("outage_wait", error);
                transitions.waitOutOutage(policy, entry, envelope, attempt, error, wait.get().history(),
                        System.currentTimeMillis() + wait.get().delayMs());
                metrics.waitedOutOutage(policy, wait.get().dependency());
                LOG.fine(() -> "Task " + envelope.taskId() + " attempt " + attempt + " waits for " + wait.get().dependency()
                        + " (" + error + "); again in " + wait.get().delayMs() + " ms, not counted");
            } else if (failure instanceof PermanentFailure) {
                finish(policy, entry, envelope, TaskStatus.FAILED, attempt, null, error, history, tookMs);
                LOG.warning("Task " + envelope.taskId() + " (" + policy.agent() + ", tenant " + envelope.tenantId()
                        + ") failed permanently: " + error);
            } else if (attempt < policy.maxAttempts()) {
                long cap = retryMaxDelaySeconds * 1000;
                long delay = new Backoff(Math.min(policy.retryDelayMs(), cap), cap, Backoff.Jitter.EQUAL)
                        .delayMillis(attempt, ThreadLocalRandom.current().nextDouble());
                TaskTracing.outcome("retry_scheduled", error);
                transitions.retry(policy, entry, envelope, attempt, error, history, System.currentTimeMillis() + delay);
                metrics.retried(policy, Duration.ofMillis(tookMs));
                LOG.fine(() -> "Task " + envelope.taskId() + " attempt " + attempt + " failed (" + error + "); retry in " + delay
                        + " ms");
            } else {
                finish(policy, entry, envelope, TaskStatus.DEAD_LETTERED, attempt, null, error, history, tookMs);
                LOG.warning("Task " + envelope.taskId() + " (" + policy.agent() + ", tenant " + envelope.tenantId()
                        + ") dead-lettered after " + attempt + " attempt(s): " + error);
            }
        }
    }

    private void publishReply(Envelope parent, AgentResult result) {
        AgentPolicy next = agents.byTopic(parent.replyTo())
                .orElseThrow(() -> new IllegalStateException("reply_to topic " + parent.replyTo() + " is not registered"));
        String childId = UUID.nameUUIDFromBytes((parent.taskId() + "->" + parent.replyTo()).getBytes(StandardCharsets.UTF_8)).toString();
        Envelope child = new Envelope(childId, next.topic(), result.output(), null, null, parent.correlationId(),
                parent.taskId(), agents.byTopic(parent.topic()).map(AgentPolicy::agent).orElse(parent.topic()), parent.tenantId(),
                0, Instant.now().toString(), parent.traceparent(), parent.businessId(), "reply-" + parent.taskId(), null);
        publisher.publish(child);
    }

    /** Records the terminal outcome; a {@code task_finished} notice goes out under its own PRODUCER span. */
    private void finish(AgentPolicy policy, StreamEntryID entry, Envelope envelope, TaskStatus status, int attempt,
                        AgentResult result, String error, List<TaskState.Attempt> history, long tookMs) {
        TaskTracing.outcome(status.wireName(), error);
        TaskTransitions.Finish finish = new TaskTransitions.Finish(status, attempt, result, error, history, tookMs);
        boolean written;
        if (envelope.notifyTopic() == null) {
            written = transitions.finish(policy, entry, envelope, finish, worker.id(), null);
        } else {
            Span notice = tracing.notice(envelope, policy);
            try {
                written = transitions.finish(policy, entry, envelope, finish, worker.id(),
                        TaskTracing.traceparent(notice, envelope.traceparent()));
            } finally {
                notice.end();
            }
        }
        if (written) {
            metrics.finished(policy, status, Duration.ofMillis(tookMs));
        }
    }

    /** The history with this failed attempt added, with what it spent before failing (so the task's cost counts it). */
    private List<TaskState.Attempt> withFailure(List<TaskState.Attempt> history, int attempt, String error, AttemptSpend spend) {
        List<TaskState.Attempt> story = new ArrayList<>(history);
        BigDecimal spent = spend.cents();
        story.add(new TaskState.Attempt(attempt, error, Instant.now().toString(), worker.id(), spent.signum() == 0 ? null : spent,
                spend.model()));
        return List.copyOf(story);
    }

    static String describe(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof RuntimeException && !(failure.getClass().getName().startsWith("io.genesis"))) {
            LOG.log(Level.FINE, "handler failure", failure);
        }
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
