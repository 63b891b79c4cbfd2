package io.genesis.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log lines name the trace and the task they were written for: every record of the application's loggers
 * ({@value #APPLICATION_LOGGERS}{@code .*}) written while a span context is current (a task's attempt, its handler,
 * a business step inside it, a payment it makes, an HTTP request Liberty traces) or inside {@link TaskTracing#within}
 * (a webhook delivery, a business sweep) ends with {@code [trace_id=<32 hex> task_id=<id>]} (each part only when
 * known), in messages.log as in the console. It is one JUL handler on the {@value #APPLICATION_LOGGERS} logger: JUL
 * hands a record to the handlers of its logger's ancestors before the root's, where Liberty writes it, so the
 * suffix is added once, on the logging thread, before any line is written. Must not drop, reorder or otherwise
 * change records.
 */
@ApplicationScoped
public class TraceLogLines {

    static final String APPLICATION_LOGGERS = "io.genesis";
    static final String MARK = " [trace_id=";
    /** Held strongly: JUL keeps loggers weakly, and a collected logger would lose the handler. */
    private static final Logger APPLICATION = Logger.getLogger(APPLICATION_LOGGERS);

    private final Handler stamp = new Stamp();

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        APPLICATION.addHandler(stamp);
    }

    void remove(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        APPLICATION.removeHandler(stamp);
    }

    /** The suffix for a line written now: {@code " [trace_id=… task_id=…]"}, or null with neither known. */
    static String suffix() {
        SpanContext span = Span.current().getSpanContext();
        String task = TaskTracing.currentTaskId();
        if (!span.isValid() && task == null) {
            return null;
        }
        StringBuilder suffix = new StringBuilder(MARK).append(span.isValid() ? span.getTraceId() : "-");
        if (task != null) {
            suffix.append(" task_id=").append(plain(task));
        }
        return suffix.append(']').toString();
    }

    /** {@code record} with the suffix added (once; a record with a resource bundle names a key, which is left alone). */
    static void stamp(LogRecord record) {
        String message = record.getMessage();
        if (message == null || record.getResourceBundle() != null || message.contains(MARK)) {
            return;
        }
        String suffix = suffix();
        if (suffix != null) {
            record.setMessage(message + suffix);
        }
    }

    /** A task id as it may appear in a message pattern: no quote or brace that MessageFormat would read. */
    private static String plain(String taskId) {
        return taskId.replaceAll("[^A-Za-z0-9._:\\-]", "_");
    }

    private static final class Stamp extends Handler {
        @Override
        public void publish(LogRecord record) {
            stamp(record);
        }

        @Override
        public void flush() {
            // writes nothing
        }

        @Override
        public void close() {
            // holds nothing
        }
    }
}
