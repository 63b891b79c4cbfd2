package io.genesis.payments.sim;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator control {@code /sim/x402/vendors/<vendor>/outage}: {@code PUT {"status": 503, "seconds": 60}} makes the
 * vendor fail every request with that status for that long (replacing an open window), {@code GET} shows the open
 * window and how many requests it refused, {@code DELETE} ends it at once. Errors are JSON {@code {"error": ...}} as
 * every answer of the simulated x402 world.
 */
final class SimulatedOutageControl {

    private static final Set<String> MEMBERS = Set.of("status", "seconds");

    private SimulatedOutageControl() {
    }

    static void answer(SimulatedVendorOutages outages, String vendor, String method, String body, HttpServletResponse response)
            throws IOException {
        switch (method) {
            case "GET" -> {
                Optional<SimulatedVendorOutages.Window> window = outages.current(vendor);
                if (window.isPresent()) {
                    SimulatedJson.write(response, 200, json(window.get()));
                } else {
                    error(response, 404, "vendor " + vendor + " has no outage window open");
                }
            }
            case "PUT" -> start(outages, vendor, body, response);
            case "DELETE" -> {
                if (outages.end(vendor)) {
                    response.setStatus(204);
                } else {
                    error(response, 404, "vendor " + vendor + " has no outage window open");
                }
            }
            default -> {
                response.setHeader("Allow", "GET, PUT, DELETE");
                error(response, 405, "the outage control takes GET, PUT or DELETE");
            }
        }
    }

    private static void start(SimulatedVendorOutages outages, String vendor, String body, HttpServletResponse response)
            throws IOException {
        JsonObject request;
        try {
            request = SimulatedJson.read(body);
        } catch (RuntimeException e) {
            error(response, 400, "the body must be a JSON object {\"status\": 503, \"seconds\": 60}");
            return;
        }
        Optional<String> unknown = request.keySet().stream().filter(member -> !MEMBERS.contains(member)).findFirst();
        if (unknown.isPresent()) {
            error(response, 400, "unknown member '" + unknown.get() + "'; accepted: status, seconds");
            return;
        }
        Long status = whole(request.get("status"), 503L);
        Long seconds = whole(request.get("seconds"), null);
        if (status == null || seconds == null) {
            error(response, 400, "seconds (a whole number, 1-" + SimulatedVendorOutages.MAX_SECONDS + ") is required and status, if given,"
                    + " is a whole number");
            return;
        }
        try {
            SimulatedJson.write(response, 200, json(outages.start(vendor, status.intValue(), seconds)));
        } catch (IllegalArgumentException e) {
            error(response, 400, e.getMessage());
        }
    }

    /** A whole JSON number, {@code absent} when the member is missing, null when it is anything else. */
    private static Long whole(JsonValue value, Long absent) {
        if (value == null) {
            return absent;
        }
        return value instanceof JsonNumber number && number.isIntegral() ? number.longValue() : null;
    }

    private static JsonObject json(SimulatedVendorOutages.Window window) {
        return JsonConventions.json().createObjectBuilder()
                .add("vendor", window.vendor())
                .add("status", window.status())
                .add("since", window.since().toString())
                .add("until", window.until().toString())
                .add("remaining_seconds", window.remainingSeconds(Instant.now()))
                .add("refused", window.refused())
                .add("simulated", true)
                .build();
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        SimulatedJson.write(response, status, JsonConventions.json().createObjectBuilder().add("error", message).build());
    }
}
