package io.genesis.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one server does ({@code genesis.role}, env {@code GENESIS_ROLE}): {@code all} (the default, what
 * {@code mvn liberty:run} does) serves HTTP and works the streams; {@code api} serves HTTP only (intake, queries,
 * operator API, dashboard) and starts no consumer loops, retries mover, result outbox, janitor, heartbeat or
 * stalled-business sweep; {@code worker} does that background work (its HTTP is for health and metrics: the chart's
 * Service sends it no traffic). MicroProfile Config converts the key with {@link #of(String)}; an unknown value stops
 * the start-up naming the key.
 */
public enum ServerRole {
    ALL, API, WORKER;

    public static final String KEY = "genesis.role";

    /** Case-insensitive, surrounding blanks ignored. */
    public static ServerRole of(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(KEY + " must be all, api or worker, not '" + value + "'"));
    }

    /** Whether this server consumes the agents' streams and runs the runtime's background loops. */
    public boolean works() {
        return this != API;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
