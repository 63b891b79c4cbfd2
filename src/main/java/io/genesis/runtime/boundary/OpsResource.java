package io.genesis.runtime.boundary;

import io.genesis.api.HistoryWindow;
import io.genesis.api.InvalidParameter;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.GroupState;
import io.genesis.runtime.ops.TaskHistoryStore;
import io.genesis.runtime.ops.TopicState;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dashboard's figures over time, from the task results PostgreSQL keeps (so a chart covers the window whatever
 * the page saw): {@code GET /api/ops/history?window=hour|day|week[&agent=]} tasks per bucket, and
 * {@code GET /api/ops/agents?window=} each agent's outcomes, duration percentiles and quality. A tenant sees its own
 * tasks; an operator every tenant's (or {@code ?tenant_id=}) and, per agent, the tasks in flight on the bus now.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("ops")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    @Inject
    TaskHistoryStore history;

    @Inject
    AgentRegistry agents;

    @Inject
    BusReader bus;

    @Inject
    TenantResolver tenants;

    /** Sums over the window; {@code failureRate} = failed / (processed + failed), absent when nothing finished. */
    public record Totals(long published, long processed, long failed, long cancelled, Double failureRate) {
    }

    public record History(String window, long bucketSeconds, Instant from, Instant to, String tenantId, String agent,
                          Totals totals, List<TaskHistoryStore.Bucket> buckets) {
    }

    /** One agent over the window; {@code inFlight} (delivered, not yet acknowledged) only for operators. */
    public record AgentStats(String agent, String topic, Long inFlight, long processed, long failed, long cancelled,
                             Double failureRate, @JsonbProperty("p50_seconds") Double p50Seconds,
                             @JsonbProperty("p95_seconds") Double p95Seconds, Double quality, long graded,
                             BigDecimal costCents) {
    }

    public record Agents(String window, Instant from, Instant to, String tenantId, List<AgentStats> agents) {
    }

    @Operation(summary = "Tasks published, processed and failed over time",
            description = "Finished tasks (omnidaemon_task_results) per bucket over the last hour (1-minute buckets), day"
                    + " (15 minutes) or week (2 hours), oldest first, empty buckets included: `published` counts tasks by"
                    + " publication time (those still running are not in it yet), `processed`, `failed` (failed, dead-lettered,"
                    + " timed out) and `cancelled` by completion time. `agent` narrows to one agent; `tenant_id` is for operators.")
    @GET
    @Path("history")
    public History history(@QueryParam("window") String window, @QueryParam("agent") String agent,
                           @QueryParam("tenant_id") String tenantId) {
        HistoryWindow chosen = HistoryWindow.parameter(window);
        Optional<String> only = Optional.ofNullable(agent).filter(name -> !name.isBlank()).map(this::known);
        Optional<String> scope = tenants.readScope(tenantId);
        Instant now = Instant.now();
        List<TaskHistoryStore.Bucket> buckets = history.history(chosen, now, scope, only);
        long processed = buckets.stream().mapToLong(TaskHistoryStore.Bucket::processed).sum();
        long failed = buckets.stream().mapToLong(TaskHistoryStore.Bucket::failed).sum();
        Totals totals = new Totals(buckets.stream().mapToLong(TaskHistoryStore.Bucket::published).sum(), processed, failed,
                buckets.stream().mapToLong(TaskHistoryStore.Bucket::cancelled).sum(), rate(processed, failed));
        return new History(chosen.label(), chosen.bucket().getSeconds(), chosen.start(now), now, scope.orElse(null),
                only.orElse(null), totals, buckets);
    }

    @Operation(summary = "Per-agent figures over a window",
            description = "For every registered agent, the tasks it finished in the last hour, day or week: processed,"
                    + " failed, cancelled, failure rate, median and 95th-percentile handler time of successful tasks in"
                    + " seconds, mean quality grade of the graded ones, and cost in cents; for operators also `in_flight`,"
                    + " the tasks delivered to its consumer group and not yet acknowledged.")
    @GET
    @Path("agents")
    public Agents agents(@QueryParam("window") String window, @QueryParam("tenant_id") String tenantId) {
        HistoryWindow chosen = HistoryWindow.parameter(window);
        Optional<String> scope = tenants.readScope(tenantId);
        Instant now = Instant.now();
        Map<String, TaskHistoryStore.AgentFigures> figures = history.agents(chosen.start(now), scope);
        Map<String, Long> inFlight = tenants.caller().isOperator() ? bus.topics(agents.all(), false).stream()
                .collect(Collectors.toMap(topic -> topic.policy().agent(), OpsResource::pending)) : Map.of();
        List<AgentStats> stats = agents.all().stream().map(policy -> stats(policy, figures.get(policy.agent()),
                inFlight.get(policy.agent()))).toList();
        return new Agents(chosen.label(), chosen.start(now), now, scope.orElse(null), stats);
    }

    private static AgentStats stats(AgentPolicy policy, TaskHistoryStore.AgentFigures figures, Long inFlight) {
        if (figures == null) {
            return new AgentStats(policy.agent(), policy.topic(), inFlight, 0, 0, 0, null, null, null, null, 0, BigDecimal.ZERO);
        }
        return new AgentStats(policy.agent(), policy.topic(), inFlight, figures.processed(), figures.failed(), figures.cancelled(),
                rate(figures.processed(), figures.failed()), figures.p50Seconds(), figures.p95Seconds(), figures.quality(),
                figures.graded(), figures.costCents());
    }

    private static long pending(TopicState topic) {
        return topic.agentGroup().map(GroupState::pending).orElse(0L);
    }

    private static Double rate(long processed, long failed) {
        return processed + failed == 0 ? null : Math.round(10_000.0 * failed / (processed + failed)) / 10_000.0;
    }

    private String known(String agent) {
        if (agents.byAgent(agent).isEmpty()) {
            throw new InvalidParameter("agent", "agent must be a registered agent (GET /api/agents), not '" + agent + "'");
        }
        return agent;
    }
}
