package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.runtime.ObservationStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Business monitoring events on {@code genesis.monitoring.{business_created, component_started, component_completed,
 * component_failed, business_completed}} (streams {@code omni-stream:genesis.monitoring.*}, field {@code data}). They
 * are observations for dashboards, not tasks: each stream is capped at about {@value #MAX_LENGTH} entries, and a
 * failure to emit one is logged, never fatal.
 */
@ApplicationScoped
public class MonitoringEvents {

    public static final String PREFIX = "genesis.monitoring.";
    static final long MAX_LENGTH = 10_000;
    private static final Logger LOG = Logger.getLogger(MonitoringEvents.class.getName());

    /** The five event kinds of the integration checklist. */
    public enum Kind { BUSINESS_CREATED, COMPONENT_STARTED, COMPONENT_COMPLETED, COMPONENT_FAILED, BUSINESS_COMPLETED }

    @Inject
    ObservationStreams streams;

    public void emit(Kind kind, BusinessRecord business, Map<String, String> details) {
        String topic = PREFIX + kind.name().toLowerCase(java.util.Locale.ROOT);
        JsonObjectBuilder event = JsonConventions.json().createObjectBuilder()
                .add("event", kind.name().toLowerCase(java.util.Locale.ROOT))
                .add("business_id", business.businessId())
                .add("business_type", business.businessType())
                .add("tenant_id", business.tenantId())
                .add("at", Instant.now().toString());
        details.forEach(event::add);
        JsonObject data = event.build();
        try {
            streams.append(topic, data, MAX_LENGTH);
        } catch (RuntimeException e) {
            LOG.fine(() -> "monitoring event " + topic + " of " + business.businessId() + " not emitted: " + e.getMessage());
        }
    }
}
