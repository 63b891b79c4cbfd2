package io.genesis.runtime.ops;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A worker as its heartbeat in the {@code <prefix>:workers} hash describes it. {@code alive} means the last
 * heartbeat is at most the stale threshold old; an entry that cannot be read is reported, not alive.
 */
public record WorkerStatus(String workerId, String startedAt, String lastHeartbeat, Integer inFlight,
                              Long heartbeatAgeSeconds, boolean alive, String problem) {

    /** Reads one hash field ({@code worker id -> JSON}) as of {@code now}. */
    public static WorkerStatus read(String workerId, String json, Instant now, Duration stale) {
        JsonObject beat = JsonText.object(json).orElse(null);
        if (beat == null) {
            return new WorkerStatus(workerId, null, null, null, null, false, "heartbeat is not a JSON object");
        }
        String last = JsonText.string(beat, "last_heartbeat");
        Integer inFlight = beat.get("in_flight") instanceof JsonNumber number ? number.intValue() : null;
        String started = JsonText.string(beat, "started_at");
        Instant at;
        try {
            at = last == null ? null : Instant.parse(last);
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            return new WorkerStatus(workerId, started, last, inFlight, null, false,
                    "last_heartbeat is missing or not an ISO-8601 instant");
        }
        Duration age = Duration.between(at, now);
        return new WorkerStatus(workerId, started, last, inFlight, Math.max(0, age.toSeconds()),
                age.compareTo(stale) <= 0, null);
    }
}
