package io.genesis.runtime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.Locale;

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

    public static TaskStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
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
