package io.genesis.runtime;

import io.genesis.api.JsonConventions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The span tree of one task and the task it causes, recorded by the real OpenTelemetry SDK; and the no-op path of a
 * server without the SDK, which must still carry the trace id from task to task.
 */
class TaskTracingTest {

    private static final AgentPolicy RESEARCH = new AgentPolicy("research_agent", "genesis.research", 3, 5, 300, 4);
    private static final AgentPolicy META = new AgentPolicy("genesis_meta_agent", "genesis.meta.orchestrate", 3, 1, 300, 4);
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final TaskTracing tracing = new TaskTracing(provider.get(TaskTracing.SCOPE));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aTaskPublishedWhileAnotherIsProcessedDescendsFromThatProcessing() {
        Envelope first = envelope("t1", RESEARCH.topic(), CALLER, "genesis.meta.orchestrate");
        String published = publish(first, RESEARCH.agent());

        Envelope delivered = first.withTraceparent(published);
        String noticeContext;
        String nextContext;
        try (TaskTracing.Active processing = tracing.process(delivered, RESEARCH, 2, "worker-a")) {
            try (TaskTracing.Active handler = tracing.handler(new TaskContext(delivered, RESEARCH, 2, "worker-a"))) {
                nextContext = publish(envelope("t2", META.topic(), null, null), META.agent());
            }
            TaskTracing.outcome(TaskStatus.COMPLETED.wireName(), null);
            Span notice = tracing.notice(delivered, RESEARCH);
            noticeContext = TaskTracing.traceparent(notice, null);
            notice.end();
        }

        SpanData producer = span("publish genesis.research");
        SpanData consumer = span("process genesis.research");
        SpanData handler = span("handle research_agent");
        SpanData next = span("publish genesis.meta.orchestrate", "t2");
        SpanData notice = exported.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.PRODUCER && "t1".equals(s.getAttributes().get(TaskTracing.NOTICE_OF)))
                .findFirst().orElseThrow();

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        exported.getFinishedSpanItems().forEach(s -> assertEquals(traceId, s.getTraceId(), s.getName() + " in the caller's trace"));
        assertEquals("00f067aa0ba902b7", producer.getParentSpanId(), "the publish is a child of the caller's span");
        assertEquals("00-" + traceId + "-" + producer.getSpanId() + "-01", published, "the envelope carries the producer span");
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the attempt is a child of its task's publish");
        assertEquals(consumer.getSpanId(), handler.getParentSpanId());
        assertEquals(handler.getSpanId(), next.getParentSpanId(), "the next task's publish descends from the handler");
        assertEquals(consumer.getSpanId(), notice.getParentSpanId(), "the notice is published by the attempt");
        assertEquals("00-" + traceId + "-" + next.getSpanId() + "-01", nextContext);
        assertEquals("00-" + traceId + "-" + notice.getSpanId() + "-01", noticeContext);

        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals("genesis.research", consumer.getAttributes().get(TaskTracing.DESTINATION));
        assertEquals("t1", consumer.getAttributes().get(TaskTracing.MESSAGE_ID));
        assertEquals("t1", consumer.getAttributes().get(TaskTracing.TASK_ID));
        assertEquals("research_agent", consumer.getAttributes().get(TaskTracing.AGENT));
        assertEquals("acme", consumer.getAttributes().get(TaskTracing.TENANT));
        assertEquals("biz_1", consumer.getAttributes().get(TaskTracing.BUSINESS));
        assertEquals(2L, consumer.getAttributes().get(TaskTracing.ATTEMPT));
        assertEquals("worker-a", consumer.getAttributes().get(TaskTracing.WORKER));
        assertEquals("group:research_agent", consumer.getAttributes().get(TaskTracing.CONSUMER_GROUP));
        assertEquals("completed", consumer.getAttributes().get(TaskTracing.STATUS));
        assertEquals("redis", consumer.getAttributes().get(TaskTracing.SYSTEM));
    }

    @Test
    void aFailedAttemptMarksItsSpanAsAnError() {
        Envelope task = envelope("t3", RESEARCH.topic(), CALLER, null);
        try (TaskTracing.Active processing = tracing.process(task, RESEARCH, 1, "worker-a")) {
            TaskTracing.outcome("retry_scheduled", "boom");
        }
        SpanData consumer = span("process genesis.research");
        assertEquals(StatusCode.ERROR, consumer.getStatus().getStatusCode());
        assertEquals("boom", consumer.getStatus().getDescription());
        assertEquals("retry_scheduled", consumer.getAttributes().get(TaskTracing.STATUS));
    }

    @Test
    void aWebhookAttemptIsAClientSpanOfTheAttemptThatFinishedItsTask() {
        Span span = tracing.webhook(CALLER, "d1", "t4", null, 1);
        TaskTracing.answered(span, 503, "server error");
        span.end();
        SpanData webhook = span("webhook POST");
        assertEquals(SpanKind.CLIENT, webhook.getKind());
        assertEquals("00f067aa0ba902b7", webhook.getParentSpanId());
        assertEquals(503L, webhook.getAttributes().get(TaskTracing.HTTP_STATUS));
        assertEquals("d1", webhook.getAttributes().get(TaskTracing.DELIVERY));
        assertEquals(StatusCode.ERROR, webhook.getStatus().getStatusCode());
    }

    @Test
    void withoutTheSdkNothingIsRecordedButTheTraceIdFlowsFromTaskToTask() {
        TaskTracing off = new TaskTracing(OpenTelemetry.noop().getTracer(TaskTracing.SCOPE));
        Span root = off.publish(envelope("t5", RESEARCH.topic(), CALLER, null), RESEARCH.agent());
        assertFalse(root.isRecording());
        assertEquals(CALLER, TaskTracing.traceparent(root, CALLER), "a caller's traceparent is published as it came");
        root.end();

        Envelope delivered = envelope("t5", RESEARCH.topic(), CALLER, null);
        String downstream;
        try (TaskTracing.Active processing = off.process(delivered, RESEARCH, 1, "worker-a");
             TaskTracing.Active handler = off.handler(new TaskContext(delivered, RESEARCH, 1, "worker-a"))) {
            Span next = off.publish(envelope("t6", META.topic(), null, null), META.agent());
            downstream = TaskTracing.traceparent(next, null);
            next.end();
        }
        assertEquals(CALLER, downstream, "a task published by a handler carries its task's trace context");

        Span fresh = off.publish(envelope("t7", RESEARCH.topic(), null, null), RESEARCH.agent());
        String started = TaskTracing.traceparent(fresh, null);
        assertTrue(started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), started);
        assertNotEquals(CALLER, started);
        assertEquals(List.of(), exported.getFinishedSpanItems());
    }

    @Test
    void malformedTraceparentsStartANewTrace() {
        for (String bad : new String[] {null, "", "zz", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz"}) {
            try (TaskTracing.Active processing = tracing.process(envelope("t8", RESEARCH.topic(), bad, null), RESEARCH, 1, "w")) {
                assertTrue(processing.span().getSpanContext().isValid());
            }
        }
        exported.getFinishedSpanItems().forEach(s -> assertFalse(s.getParentSpanContext().isValid(), "a root span"));
    }

    @Test
    void aRetriedOrReclaimedDeliveryContinuesItsTasksTraceUnderItsOriginalPublish() {
        String published = publish(envelope("t9", RESEARCH.topic(), CALLER, null), RESEARCH.agent());
        Envelope first = envelope("t9", RESEARCH.topic(), published, null);
        try (TaskTracing.Active processing = tracing.process(first, RESEARCH, 1, "worker-a")) {
            TaskTracing.outcome("retry_scheduled", "boom");
        }
        // a retry parks the next delivery as JSON in the delayed set; a reclaim (XAUTOCLAIM) reads the same stream entry
        Envelope retried = JsonConventions.jsonb().fromJson(JsonConventions.jsonb().toJson(first.nextAttempt(1)), Envelope.class);
        try (TaskTracing.Active processing = tracing.process(retried, RESEARCH, 2, "worker-b")) {
            TaskTracing.outcome(TaskStatus.COMPLETED.wireName(), null);
        }
        Envelope reclaimed = JsonConventions.jsonb().fromJson(JsonConventions.jsonb().toJson(first), Envelope.class);
        try (TaskTracing.Active processing = tracing.process(reclaimed, RESEARCH, 2, "worker-c")) {
            TaskTracing.outcome(TaskStatus.COMPLETED.wireName(), null);
        }

        SpanData producer = span("publish genesis.research", "t9");
        List<SpanData> attempts = exported.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
        assertEquals(List.of("worker-a", "worker-b", "worker-c"), attempts.stream().map(s -> s.getAttributes().get(TaskTracing.WORKER)).toList());
        for (SpanData attempt : attempts) {
            assertEquals(producer.getTraceId(), attempt.getTraceId(), "every delivery in the task's trace");
            assertEquals(producer.getSpanId(), attempt.getParentSpanId(), "every delivery a child of the original publish");
        }
    }

    @Test
    void workOnATaskOutsideItsAttemptPublishesUnderTheContextItIsGiven() {
        String create = publish(envelope("create", META.topic(), CALLER, null), META.agent());
        String advance;
        try (Scope business = TaskTracing.within(create, null)) {
            advance = publish(envelope("advance", META.topic(), null, null), META.agent());
        }
        SpanData created = span("publish genesis.meta.orchestrate", "create");
        SpanData advanced = span("publish genesis.meta.orchestrate", "advance");
        assertEquals(created.getTraceId(), advanced.getTraceId(), "a budget-wait advance stays in the business's trace");
        assertEquals(created.getSpanId(), advanced.getParentSpanId(), "as a child of the create message's publish");
        assertEquals("00-" + created.getTraceId() + "-" + advanced.getSpanId() + "-01", advance);

        try (Scope nothing = TaskTracing.within(null, null)) {
            assertFalse(Span.current().getSpanContext().isValid(), "no context known: nothing is made up");
        }
        try (Scope task = TaskTracing.within("garbage", "t10")) {
            assertEquals("t10", TaskTracing.currentTaskId());
        }
        assertEquals(null, TaskTracing.currentTaskId());
    }

    private String publish(Envelope envelope, String agent) {
        Span span = tracing.publish(envelope, agent);
        String context = TaskTracing.traceparent(span, envelope.traceparent());
        span.end();
        return context;
    }

    private SpanData span(String name) {
        return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private SpanData span(String name, String taskId) {
        return exported.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && taskId.equals(s.getAttributes().get(TaskTracing.TASK_ID)))
                .findFirst().orElseThrow();
    }

    private static Envelope envelope(String taskId, String topic, String traceparent, String notifyTopic) {
        return new Envelope(taskId, topic, JsonValue.EMPTY_JSON_OBJECT, null, null, "corr-" + taskId, null, "test", "acme", 0,
                "2026-12-07T00:00:00Z", traceparent, "biz_1", null, notifyTopic);
    }
}
