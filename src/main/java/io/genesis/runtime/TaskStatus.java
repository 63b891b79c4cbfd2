package io.genesis.runtime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a task is in its life. The last five are terminal: the task has (or will have) its SQL row. */
public enum TaskStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, DEAD_LETTERED, TIMED_OUT, CANCELLED;

    public boolean terminal() {
        return this != QUEUED && this != PROCESSING;
    }

    /** The wire and API name: lower case, as in {@code dead_lettered}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The terminal statuses as a Lua set literal, {@code {completed=true, ...}}: the scripts' copy of {@link #terminal()}. */
    public static String luaTerminalSet() {
        return Arrays.stream(values()).filter(TaskStatus::terminal).map(status -> status.wireName() + "=true")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    public static TaskStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status of an {@code omnidaemon_task_results.status} value. */
    public static TaskStatus fromSql(String value) {
        return value.equals("success") ? COMPLETED : fromWire(value);
    }

    /** The value of {@code omnidaemon_task_results.status} for a terminal status. */
    public String sqlStatus() {
        return switch (this) {
            case COMPLETED -> "success";
            case FAILED, DEAD_LETTERED, TIMED_OUT, CANCELLED -> wireName();
            case QUEUED, PROCESSING -> throw new IllegalStateException(this + " is not terminal");
        };
    }
}
