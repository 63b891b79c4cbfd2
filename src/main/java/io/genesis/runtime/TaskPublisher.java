package io.genesis.runtime;

import io.genesis.redis.RedisConnection;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Puts tasks on their topic's stream. Publishing is one atomic Lua call: the idempotency key (if any), the stream
 * entry and the initial {@code queued} state are written together or not at all.
 */
@ApplicationScoped
public class TaskPublisher {

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    AgentRegistry agents;

    @Inject
    TaskStore tasks;

    @Inject
    TaskTracing tracing;

    @Inject
    @ConfigProperty(name = "genesis.tasks.idempotency-ttl-seconds")
    long idempotencyTtlSeconds;

    private PublishScript script;

    @PostConstruct
    void prepare() {
        script = new PublishScript(keys);
    }

    /** What publishing did: a new task, or the task an earlier call with the same idempotency key created. */
    public record Published(String taskId, boolean created) {
    }

    /** Thrown when an idempotency key is reused for a different request. */
    public static final class IdempotencyConflict extends RuntimeException {
        public IdempotencyConflict(String key) {
            super("Idempotency-Key '" + key + "' was already used for a different request", null, false, false);
        }
    }

    /**
     * Publishes the envelope. With an idempotency key, a repeat of the same request returns the first task id and
     * writes nothing; a different request under the same key raises {@link IdempotencyConflict}. The task is published
     * under a PRODUCER span ({@link TaskTracing#publish}) and carries its context as its {@code traceparent}, so a task
     * published while another is processed (or while an HTTP request is served) joins that trace.
     */
    public Published publish(Envelope envelope) {
        AgentPolicy policy = agents.byTopic(envelope.topic())
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + envelope.topic()));
        Span span = tracing.publish(envelope, policy.agent());
        try {
            Envelope traced = envelope.withTraceparent(TaskTracing.traceparent(span, envelope.traceparent()));
            PublishScript.Outcome outcome = script.call(redis.client(), traced, policy.agent(), tasks.ttlSeconds(),
                    idempotencyTtlSeconds);
            if (outcome.conflict()) {
                throw new IdempotencyConflict(envelope.idempotencyKey());
            }
            if (!outcome.created()) {
                TaskTracing.duplicate(span);
            }
            return new Published(outcome.taskId(), outcome.created());
        } catch (RuntimeException e) {
            TaskTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    public static String newTaskId() {
        return UUID.randomUUID().toString();
    }
}
