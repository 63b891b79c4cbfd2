package io.genesis.runtime;

import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a log line of the application says about its trace, as the handler that writes it (Liberty's, on the root
 * logger) receives it: a line written during a task's attempt, or inside the context of a webhook delivery or a
 * business sweep, ends with the trace id and the task id; other lines are left as they were.
 */
class TraceLogLinesTest {

    private static final AgentPolicy RESEARCH = new AgentPolicy("research_agent", "genesis.research", 3, 5, 300, 4);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final TaskTracing tracing = new TaskTracing(provider.get(TaskTracing.SCOPE));
    private final TraceLogLines lines = new TraceLogLines();
    private final Logger root = Logger.getLogger("");
    private final Logger runner = Logger.getLogger("io.genesis.runtime.TaskRunner");
    private final List<LogRecord> written = new ArrayList<>();
    private final Handler writer = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("io.genesis")) {
                written.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void install() {
        lines.install(null);
        root.addHandler(writer);
    }

    @AfterEach
    void remove() {
        root.removeHandler(writer);
        lines.remove(null);
        provider.close();
    }

    @Test
    void aLineWrittenDuringAnAttemptNamesItsTraceAndTask() {
        Envelope task = new Envelope("task-1", RESEARCH.topic(), JsonValue.EMPTY_JSON_OBJECT, null, null, null, null, "test", "acme",
                0, "2026-12-08T00:00:00Z", CALLER, "biz_1", null, null);
        try (TaskTracing.Active processing = tracing.process(task, RESEARCH, 1, "worker-a");
             TaskTracing.Active handler = tracing.handler(new TaskContext(task, RESEARCH, 1, "worker-a"))) {
            runner.warning("Task task-1 dead-lettered");
            runner.log(Level.INFO, "Payment {0} captured", "pay_1");
        }
        runner.info("Consumer started");

        assertEquals("Task task-1 dead-lettered [trace_id=" + TRACE + " task_id=task-1]", written.get(0).getMessage());
        assertEquals("Payment {0} captured [trace_id=" + TRACE + " task_id=task-1]", written.get(1).getMessage());
        assertEquals("Consumer started", written.get(2).getMessage(), "no task, no trace: the line is left alone");
    }

    @Test
    void aLineAboutATaskOutsideItsAttemptNamesTheContextItIsWrittenIn() {
        try (Scope delivery = TaskTracing.within(CALLER, "it's {0}")) {
            runner.warning("Webhook delivery d1 failed");
        }
        try (Scope business = TaskTracing.within(CALLER, null)) {
            runner.info("Business biz_1 resumed");
            runner.info("Business biz_1 resumed [trace_id=" + TRACE + "]");
        }
        try (Scope nothing = TaskTracing.within(null, "task-2")) {
            runner.info("Task task-2 could not be processed now");
        }

        assertEquals("Webhook delivery d1 failed [trace_id=" + TRACE + " task_id=it_s__0_]", written.get(0).getMessage(),
                "a task id cannot add a quote or brace to a message pattern");
        assertEquals("Business biz_1 resumed [trace_id=" + TRACE + "]", written.get(1).getMessage());
        assertEquals("Business biz_1 resumed [trace_id=" + TRACE + "]", written.get(2).getMessage(), "named once");
        assertEquals("Task task-2 could not be processed now [trace_id=- task_id=task-2]", written.get(3).getMessage());
    }
}
