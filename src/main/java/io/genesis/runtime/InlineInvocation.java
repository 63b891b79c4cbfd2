package io.genesis.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * The synchronous in-request path of {@code POST /api/invoke} (the legacy A2A behaviour the async runtime replaces):
 * the agent's handler runs once on the request's thread, under the agent's timeout, and its outcome is the answer.
 * Nothing goes through Redis: no stream entry, no retries, no dead letter, no result row, no {@code reply_to} and no
 * webhook — which is why {@link Rollout} moves traffic off it. Counted per path by {@link RuntimeMetrics#invoked}.
 */
@ApplicationScoped
public class InlineInvocation {

    @Inject
    HandlerCall call;

    @Inject
    WorkerIdentity worker;

    @Inject
    RuntimeMetrics metrics;

    /**
     * Runs the handler of {@code policy}'s agent for {@code envelope} and returns the task as a poller would see it
     * finished: completed with the output, or failed / timed out with the error (in {@code history} too).
     *
     * @throws InterruptedException if the request thread was interrupted (server shutdown): nothing was recorded
     */
    public TaskState run(AgentPolicy policy, Envelope envelope) throws InterruptedException {
        TaskState started = TaskState.queued(envelope, policy.agent())
                .processing(1, Instant.now().toString(), worker.id());
        long begin = System.nanoTime();
        TaskState finished;
        try {
            AgentResult result = call.call(new TaskContext(envelope, policy, 1, worker.id()));
            finished = started.finished(TaskStatus.COMPLETED, 1, result.output(), null, Instant.now().toString(), worker.id());
        } catch (InterruptedException shutdown) {
            throw shutdown;
        } catch (HandlerCall.TimedOut timeout) {
            finished = started.finished(TaskStatus.TIMED_OUT, 1, null, timeout.getMessage(), Instant.now().toString(), worker.id());
        } catch (Exception failure) {
            finished = started.finished(TaskStatus.FAILED, 1, null, TaskRunner.describe(failure), Instant.now().toString(),
                    worker.id());
        }
        metrics.invoked(Rollout.Path.SYNC, finished.status(), Duration.ofNanos(System.nanoTime() - begin));
        return finished;
    }
}
