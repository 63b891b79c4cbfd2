package io.genesis.runtime.boundary;

import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.TopicCounters;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /api/metrics[?topic=]}: the {@code omnidaemon metrics} equivalent, cumulative per topic and agent. */
@RolesAllowed(Roles.OPERATOR)
@Path("metrics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    @Inject
    KnownTopics topics;

    @Inject
    BusReader bus;

    public record Metrics(List<TopicMetrics> topics, CounterView totals) {
    }

    public record TopicMetrics(String topic, String agent, long received, long processed, long failed, long retried,
                               long deadLettered, long timedOut, long durationMsTotal, double avgProcessingMs) {
    }

    @Operation(summary = "Cumulative counters per topic",
            description = "Received, processed, failed, retried, dead-lettered and timed-out counts and processing time per topic and agent, with totals (`?topic=` for one).")
    @GET
    public Metrics metrics(@QueryParam("topic") String topic) {
        Map<AgentPolicy, TopicCounters> counters = bus.counters(topics.allOrOne(topic));
        List<TopicMetrics> rows = new ArrayList<>();
        TopicCounters totals = TopicCounters.ZERO;
        for (var entry : counters.entrySet()) {
            TopicCounters c = entry.getValue();
            rows.add(new TopicMetrics(entry.getKey().topic(), entry.getKey().agent(), c.received(), c.processed(),
                    c.failed(), c.retried(), c.deadLettered(), c.timedOut(), c.durationMsTotal(), c.avgProcessingMs()));
            totals = totals.plus(c);
        }
        return new Metrics(rows, CounterView.of(totals));
    }
}
