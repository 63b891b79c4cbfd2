package io.genesis.economics;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * How one task of a business ended, as the success criteria and the URL extraction see it.
 *
 * @param taskId   task id
 * @param status   COMPLETED, FAILED (any unsuccessful end: failure, dead letter, timeout, cancel) or BLOCKED (by safety)
 * @param critical whether the business cannot succeed without this task
 * @param result   the agent's result; empty when there is none
 */
public record TaskOutcome(String taskId, Status status, boolean critical, JsonObject result) {

    public enum Status {
        COMPLETED, FAILED, BLOCKED
    }

    public TaskOutcome {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        result = result == null ? JsonValue.EMPTY_JSON_OBJECT : result;
    }
}
