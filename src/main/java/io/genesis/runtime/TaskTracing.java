package io.genesis.runtime;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * OpenTelemetry spans for the runtime's hops, linked through the W3C {@code traceparent} every envelope carries:
 * a PRODUCER span per publish (whose context becomes the envelope's {@code traceparent}), a CONSUMER span per
 * delivery attempt (child of that producer span, current while the attempt runs), a handler span inside it, a PRODUCER
 * span for the {@code task_finished} notice and a CLIENT span per webhook attempt. Whatever a handler publishes is thus
 * a child of its processing, so one business is one trace.
 * <p>
 * The tracer is the one Liberty's mpTelemetry injects. With the SDK off (the default) it is a no-op: nothing is
 * recorded or exported, no attribute is set ({@link Span#isRecording()} is checked first), and the spans only carry
 * the envelope's own context, so trace ids still flow from task to task and into log lines at the cost of a parsed
 * header and a thread-local per attempt. The context of an attempt also names its task ({@link #currentTaskId()}),
 * which {@link TraceLogLines} adds to log lines. Must not change what a task does or decide anything from a span.
 */
@ApplicationScoped
public class TaskTracing {

    static final String SCOPE = "io.genesis.runtime";
    static final String MESSAGING_SYSTEM = "redis";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONVERSATION = AttributeKey.stringKey("messaging.message.conversation_id");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("genesis.task.id");
    static final AttributeKey<String> AGENT = AttributeKey.stringKey("genesis.agent");
    static final AttributeKey<String> TENANT = AttributeKey.stringKey("genesis.tenant.id");
    static final AttributeKey<String> BUSINESS = AttributeKey.stringKey("genesis.business.id");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("genesis.attempt");
    static final AttributeKey<String> WORKER = AttributeKey.stringKey("genesis.worker.id");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("genesis.task.status");
    static final AttributeKey<Boolean> DUPLICATE = AttributeKey.booleanKey("genesis.publish.duplicate");
    static final AttributeKey<String> NOTICE_OF = AttributeKey.stringKey("genesis.notice.task_id");
    static final AttributeKey<String> DELIVERY = AttributeKey.stringKey("genesis.webhook.delivery_id");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    /** The task being worked on in a context (for log lines; not a span attribute). */
    private static final ContextKey<String> WORKING_ON = ContextKey.named("genesis.task.id");

    @Inject
    OpenTelemetry openTelemetry;

    private Tracer tracer;

    TaskTracing() {
    }

    /** For tests: spans from this tracer (an SDK's, or a no-op one). */
    TaskTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    @PostConstruct
    void tracer() {
        tracer = openTelemetry.getTracer(SCOPE);
    }

    /** A span made current until {@link #close()}, which ends it. */
    public static final class Active implements AutoCloseable {
        private final Span span;
        private final Scope scope;

        private Active(Span span, Context context) {
            this.span = span;
            this.scope = context.with(span).makeCurrent();
        }

        public Span span() {
            return span;
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    /**
     * Starts the PRODUCER span of publishing {@code envelope}: a child of the current span (an HTTP request's, a
     * handler's), else of the envelope's own {@code traceparent}. The envelope published carries
     * {@link #traceparent(Span, String) its context}; the caller ends it once the publish call returned.
     */
    public Span publish(Envelope envelope, String agent) {
        Span span = start("publish " + envelope.topic(), SpanKind.PRODUCER, parent(envelope.traceparent()));
        if (span.isRecording()) {
            message(span, envelope, "publish");
            span.setAttribute(AGENT, agent);
        }
        return span;
    }

    /** Marks a publish that found an earlier task under the same idempotency key (nothing new was written). */
    public static void duplicate(Span span) {
        if (span.isRecording()) {
            span.setAttribute(DUPLICATE, true);
        }
    }

    /**
     * The CONSUMER span of one delivery attempt, child of the producer span the envelope's {@code traceparent} names,
     * current until closed: the handler span, the notice and anything the handler publishes descend from it.
     */
    public Active process(Envelope envelope, AgentPolicy policy, int attempt, String workerId) {
        Span span = start("process " + envelope.topic(), SpanKind.CONSUMER, remote(envelope.traceparent()));
        if (span.isRecording()) {
            message(span, envelope, "process");
            span.setAttribute(CONSUMER_GROUP, policy.consumerGroup());
            span.setAttribute(AGENT, policy.agent());
            span.setAttribute(ATTEMPT, attempt);
            span.setAttribute(WORKER, workerId);
        }
        return new Active(span, Context.current().with(WORKING_ON, envelope.taskId()));
    }

    /** The handler span of {@code context}'s attempt, child of the current span, current until closed. */
    public Active handler(TaskContext context) {
        Span span = start("handle " + context.policy().agent(), SpanKind.INTERNAL, Context.current());
        if (span.isRecording()) {
            span.setAttribute(TASK_ID, context.envelope().taskId());
            span.setAttribute(AGENT, context.policy().agent());
            span.setAttribute(ATTEMPT, context.attempt());
            span.setAttribute(WORKER, context.workerId());
            optional(span, BUSINESS, context.envelope().businessId());
            optional(span, TENANT, context.envelope().tenantId());
        }
        return new Active(span, Context.current());
    }

    /**
     * The PRODUCER span of the {@code task_finished} notice of {@code finished} (its task id is the notice's, the
     * finished task is {@code genesis.notice.task_id}), child of the current (processing) span.
     */
    public Span notice(Envelope finished, AgentPolicy policy) {
        Span span = start("publish " + finished.notifyTopic(), SpanKind.PRODUCER, Context.current());
        if (span.isRecording()) {
            span.setAttribute(SYSTEM, MESSAGING_SYSTEM);
            span.setAttribute(OPERATION, "publish");
            span.setAttribute(DESTINATION, finished.notifyTopic());
            span.setAttribute(MESSAGE_ID, TaskTransitions.noticeId(finished.taskId()));
            span.setAttribute(TASK_ID, TaskTransitions.noticeId(finished.taskId()));
            span.setAttribute(NOTICE_OF, finished.taskId());
            span.setAttribute(AGENT, policy.agent());
            optional(span, BUSINESS, finished.businessId());
            optional(span, TENANT, finished.tenantId());
        }
        return span;
    }

    /** The CLIENT span of one webhook attempt, child of the context the job was enqueued under (if it carries one). */
    public Span webhook(String traceparent, String deliveryId, String taskId, String businessId, int attempt) {
        Span span = start("webhook POST", SpanKind.CLIENT, remote(traceparent));
        if (span.isRecording()) {
            span.setAttribute(METHOD, "POST");
            span.setAttribute(DELIVERY, deliveryId);
            span.setAttribute(ATTEMPT, attempt);
            optional(span, TASK_ID, taskId);
            optional(span, BUSINESS, businessId);
        }
        return span;
    }

    /** Records how a webhook attempt ended: the receiver's status code, or an error. */
    public static void answered(Span span, Integer httpStatus, String error) {
        if (!span.isRecording()) {
            return;
        }
        if (httpStatus != null) {
            span.setAttribute(HTTP_STATUS, httpStatus.longValue());
        }
        if (error != null) {
            span.setStatus(StatusCode.ERROR, error);
        }
    }

    /**
     * Records how the current attempt ended ({@code completed}, {@code retry_scheduled}, {@code dead_lettered} ...) on
     * the current (processing) span; an error marks it as failed.
     */
    public static void outcome(String outcome, String error) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute(STATUS, outcome);
        if (error != null) {
            span.setStatus(StatusCode.ERROR, error);
        }
    }

    /** Marks {@code span} as failed with {@code error}. */
    public static void failed(Span span, Throwable error) {
        if (span.isRecording()) {
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }
    }

    /**
     * The {@code traceparent} of {@code span}: its context when valid, else {@code fallback} continued or a new trace
     * started ({@link TraceContext#continueOrStart}).
     */
    public static String traceparent(Span span, String fallback) {
        String own = contextOf(span, null);
        return own != null ? own : TraceContext.continueOrStart(fallback);
    }

    /** The {@code traceparent} of {@code span} when its context is valid, else {@code otherwise} (which may be null). */
    public static String contextOf(Span span, String otherwise) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return otherwise;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The {@code traceparent} of the current span, else {@code fallback} (which may be null). */
    public static String currentTraceparent(String fallback) {
        return contextOf(Span.current(), fallback);
    }

    /**
     * Makes the span a valid {@code traceparent} names current (as a remote parent) until the scope is closed, with
     * {@code taskId} (may be null) as the task worked on: for work on a task or business outside its attempt (a webhook
     * delivery, a business sweep), so what it publishes continues that trace and its log lines name it. An invalid or
     * missing {@code traceparent} keeps the current span.
     */
    public static Scope within(String traceparent, String taskId) {
        Context remote = remote(traceparent);
        Context context = Span.fromContext(remote).getSpanContext().isValid() ? remote : Context.current();
        return (taskId == null ? context : context.with(WORKING_ON, taskId)).makeCurrent();
    }

    /** The task worked on in the current context (an attempt's, or {@link #within}'s), else null. */
    public static String currentTaskId() {
        return Context.current().get(WORKING_ON);
    }

    private Span start(String name, SpanKind kind, Context parent) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
        return builder.startSpan();
    }

    /** The current context when a span is active in it (an HTTP request's, a handler's), else the remote one. */
    private static Context parent(String traceparent) {
        return Span.current().getSpanContext().isValid() ? Context.current() : remote(traceparent);
    }

    /** A context whose parent is the span a valid {@code traceparent} names; the root context otherwise. */
    static Context remote(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return Context.root();
        }
        SpanContext context;
        try {
            context = SpanContext.createFromRemoteParent(traceparent.substring(3, 35), traceparent.substring(36, 52),
                    TraceFlags.fromHex(traceparent, 53), TraceState.getDefault());
        } catch (IllegalArgumentException notHex) {
            return Context.root();
        }
        return context.isValid() ? Context.root().with(Span.wrap(context)) : Context.root();
    }

    private static void message(Span span, Envelope envelope, String operation) {
        span.setAttribute(SYSTEM, MESSAGING_SYSTEM);
        span.setAttribute(OPERATION, operation);
        span.setAttribute(DESTINATION, envelope.topic());
        span.setAttribute(MESSAGE_ID, envelope.taskId());
        span.setAttribute(TASK_ID, envelope.taskId());
        optional(span, CONVERSATION, envelope.correlationId());
        optional(span, TENANT, envelope.tenantId());
        optional(span, BUSINESS, envelope.businessId());
    }

    private static void optional(Span span, AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
