package io.genesis.runtime.webhook;

import io.genesis.retry.RetryPolicy;
import io.genesis.api.JsonConventions;
import io.genesis.outbound.OutboundUrls;
import io.genesis.runtime.ServerRole;
import io.genesis.runtime.TaskState;
import io.genesis.runtime.TaskStore;
import io.genesis.runtime.TaskTracing;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhook jobs: one long-running loop per worker claims due jobs (leased, see {@link WebhookDeliveries}),
 * POSTs each task's current state (or the body a business job carries) signed by {@link WebhookSigner}, and settles
 * every attempt: delivered, scheduled again per {@link RetryPolicy} (the job's own, else {@code genesis.webhooks.*}),
 * or given up. Servers of role api ({@link ServerRole}) start no loop. A job whose attempt was cut short (crash,
 * shutdown) is due again when
 * its lease runs out, so deliveries are at-least-once; receivers dedupe by {@code X-Genesis-Delivery}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final long STOP_GRACE_MS = 1000;
    private static final long WAIT_SLICE_MS = 100;
    private static final long ERROR_PAUSE_MS = 1000;

    @Resource(lookup = "concurrent/genesis/consumers")
    ManagedExecutorService executor;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    TaskStore tasks;

    @Inject
    WebhookSecret secret;

    @Inject
    OutboundUrls outboundUrls;

    @Inject
    TaskTracing tracing;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.backoff-base-ms")
    long backoffBaseMs;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.backoff-cap-ms")
    long backoffCapMs;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.timeout-ms")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.lease-ms")
    long leaseMs;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.poll-interval-ms")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = ServerRole.KEY)
    ServerRole role;

    @Inject
    @ConfigProperty(name = "genesis.webhooks.batch-size")
    int batchSize;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private RetryPolicy policy;
    private WebhookPost post;
    private Future<?> loop;

    private record InFlight(WebhookJob job, CompletableFuture<WebhookPost.Outcome> outcome) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (leaseMs <= timeoutMs || pollIntervalMs <= 0 || batchSize <= 0 || timeoutMs <= 0) {
            throw new IllegalStateException("genesis.webhooks: lease-ms (" + leaseMs + ") must exceed timeout-ms ("
                    + timeoutMs + "), and timeout-ms, poll-interval-ms and batch-size must be positive");
        }
        if (!role.works()) {
            LOG.info("Webhook dispatcher not started: " + ServerRole.KEY + "=" + role.label() + " leaves deliveries to the workers");
            return;
        }
        policy = new RetryPolicy(maxAttempts, backoffBaseMs, backoffCapMs);
        post = new WebhookPost(secret.signer(), timeoutMs, outboundUrls, executor, tracing);
        Runnable task = ManagedExecutors.managedTask(this::run, Map.of(
                ManagedTask.LONGRUNNING_HINT, "true",
                ManagedTask.IDENTITY_NAME, "genesis-webhook-dispatcher"), null);
        loop = executor.submit(task);
        LOG.info("Webhook dispatcher started: up to " + maxAttempts + " attempts, backoff " + backoffBaseMs + "-"
                + backoffCapMs + " ms, timeout " + timeoutMs + " ms, lease " + leaseMs + " ms");
    }

    @PreDestroy
    void stop() {
        stopping.countDown();
        if (loop == null) {
            return;
        }
        try {
            loop.get(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            loop.cancel(true);
            LOG.warning("Webhook dispatcher did not stop within " + STOP_GRACE_MS + " ms; interrupted it");
        } catch (CancellationException e) {
            LOG.fine("Webhook dispatcher was already cancelled");
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "Webhook dispatcher ended with an error", e.getCause());
        } catch (InterruptedException e) {
            loop.cancel(true);
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean redisDown = false;
        while (stopping.getCount() > 0) {
            try {
                List<String> due = deliveries.claim(System.currentTimeMillis(), leaseMs, batchSize);
                if (redisDown) {
                    LOG.info("Webhook dispatcher reaches Redis again");
                    redisDown = false;
                }
                if (due.isEmpty()) {
                    if (stopping.await(pollIntervalMs, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } else {
                    deliver(due);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (JedisException e) {
                if (!redisDown) {
                    LOG.warning("Webhook dispatcher cannot reach Redis (" + e.getMessage() + "); claimed deliveries are"
                            + " due again when their lease runs out. Retrying every " + ERROR_PAUSE_MS + " ms.");
                    redisDown = true;
                }
                if (pause()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Webhook dispatcher failed on a batch; claimed deliveries are due again when their"
                        + " lease runs out", e);
                if (pause()) {
                    return;
                }
            }
        }
    }

    /** Waits before the next try after an error; true when the dispatcher is stopping. */
    private boolean pause() {
        try {
            return stopping.await(ERROR_PAUSE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Sends every claimed job at once, waits for the answers (or shutdown), then settles each answered attempt. */
    private void deliver(List<String> members) throws InterruptedException {
        List<InFlight> inFlight = new ArrayList<>(members.size());
        for (String member : members) {
            WebhookJob job;
            try {
                job = WebhookJob.parse(member);
            } catch (IllegalArgumentException e) {
                LOG.severe("Dropping unreadable webhook job " + member + ": " + e.getMessage());
                deliveries.discard(member, System.currentTimeMillis());
                continue;
            }
            Optional<String> body;
            try (Scope traced = job.traced()) {
                body = job.body() != null ? Optional.of(job.body()) : taskState(job);
            }
            body.ifPresent(text -> inFlight.add(new InFlight(job, post.send(job, text))));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(inFlight.stream().map(InFlight::outcome)
                .toArray(CompletableFuture[]::new));
        while (!all.isDone() && stopping.getCount() > 0) {
            try {
                all.get(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillInFlight) {
                continue; // look at the stop signal again
            } catch (ExecutionException e) {
                throw new IllegalStateException("a webhook attempt failed outside its own error handling", e.getCause());
            }
        }
        for (InFlight attempt : inFlight) {
            if (attempt.outcome().isDone()) {
                try (Scope traced = attempt.job().traced()) {
                    settle(attempt.job(), attempt.outcome().join());
                }
            } else {
                attempt.outcome().cancel(true);
            }
        }
    }

    /** The task's current state as the body of its delivery; empty (and the delivery settled as failed) when it is gone. */
    private Optional<String> taskState(WebhookJob job) {
        Optional<TaskState> state;
        try {
            state = tasks.find(job.taskId());
        } catch (JedisException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Dropping webhook delivery " + job.deliveryId() + ": the state of task "
                    + job.taskId() + " cannot be read", e);
            deliveries.settle(job, null, 0, status(job, DeliveryStatus.FAILED, job.attempt(), null,
                    "task state unreadable: " + e.getClass().getSimpleName(), null), System.currentTimeMillis());
            return Optional.empty();
        }
        if (state.isEmpty()) {
            LOG.warning("Dropping webhook delivery " + job.deliveryId() + ": the state of task " + job.taskId()
                    + " is no longer in Redis");
            deliveries.settle(job, null, 0, status(job, DeliveryStatus.FAILED, job.attempt(), null,
                    "task state no longer available (expired)", null), System.currentTimeMillis());
            return Optional.empty();
        }
        return Optional.of(JsonConventions.jsonb().toJson(state.get()));
    }

    private void settle(WebhookJob job, WebhookPost.Outcome outcome) {
        int attempt = job.nextAttempt();
        long now = System.currentTimeMillis();
        RetryPolicy.Verdict verdict = outcome.verdict();
        RetryPolicy retry = job.retry() != null ? job.retry() : policy;
        if (verdict == RetryPolicy.Verdict.DELIVERED) {
            deliveries.settle(job, null, 0, status(job, DeliveryStatus.DELIVERED, attempt, outcome.status(), null, null), now);
            return;
        }
        if (verdict == RetryPolicy.Verdict.RETRY && retry.mayRetryAfter(attempt)) {
            OptionalLong retryAfter = RetryPolicy.retryAfterMillis(outcome.retryAfter(), Instant.ofEpochMilli(now));
            long due = now + retry.delayMillis(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            deliveries.settle(job, job.afterAttempt(attempt), due, status(job, DeliveryStatus.RETRYING, attempt,
                    outcome.status(), outcome.error(), Instant.ofEpochMilli(due).toString()), now);
            return;
        }
        String reason = verdict == RetryPolicy.Verdict.RETRY ? "no attempts left (" + attempt + " made)" : "not retryable";
        LOG.warning("Webhook delivery " + job.deliveryId() + " of " + job.describe() + " failed: " + outcome.error()
                + "; " + reason);
        deliveries.settle(job, null, 0, status(job, DeliveryStatus.FAILED, attempt, outcome.status(),
                outcome.error() + "; " + reason, null), now);
    }

    private static DeliveryStatus status(WebhookJob job, String state, int attempts, Integer lastStatus, String error,
                                         String nextAttemptAt) {
        return new DeliveryStatus(job.deliveryId(), job.taskId(), job.businessId(), job.url(), state,
                DeliveryStatus.DELIVERED.equals(state),
                attempts, lastStatus, error, Instant.now().toString(), nextAttemptAt);
    }
}
