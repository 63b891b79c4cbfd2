package io.genesis.runtime.boundary;

import io.genesis.api.QueryParameters;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.RuntimeKeys;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.GroupState;
import io.genesis.runtime.ops.RedisServerInfo;
import io.genesis.runtime.ops.StreamMessage;
import io.genesis.runtime.ops.StreamSummary;
import io.genesis.runtime.ops.TopicState;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The {@code omnidaemon bus list|inspect|groups|stats} verbs over the registered topics' streams. A stream that
 * does not exist yet (nothing published) reads as empty.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("bus")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BusResource {

    /** {@code limit} of stream and dead-letter inspection: default and largest. */
    static final int INSPECT_DEFAULT = 10;
    static final int INSPECT_MAX = 1000;

    @Inject
    AgentRegistry agents;

    @Inject
    KnownTopics topics;

    @Inject
    BusReader bus;

    @Inject
    RuntimeKeys keys;

    public record Streams(int count, List<StreamSummary> streams) {
    }

    public record Inspection(String topic, String agent, String stream, long length, int limit, String order,
                             List<StreamMessage> entries) {
    }

    public record Groups(String topic, String agent, String stream, long length, List<GroupState> groups) {
    }

    public record Stats(List<StreamStats> streams, Totals totals, RedisServerInfo redis) {
    }

    public record StreamStats(String topic, String agent, String stream, long length, long pending, long dlqDepth,
                              List<GroupStats> groups) {
    }

    public record GroupStats(String name, long consumers, long pending, Long lag) {
    }

    public record Totals(long length, long pending, long dlqDepth) {
    }

    @Operation(summary = "Every topic stream",
            description = "Each registered topic's stream: its key, length, number of consumer groups, first, last and last generated entry ids.")
    @GET
    @Path("streams")
    public Streams streams() {
        List<StreamSummary> summaries = bus.streams(agents.all());
        return new Streams(summaries.size(), summaries);
    }

    @Operation(summary = "The latest entries of one topic",
            description = "Up to `limit` (1-1000, default 10) newest entries of a topic's stream, newest first. An unregistered topic is a 404 listing the valid ones.")
    @GET
    @Path("streams/{topic}")
    public Inspection inspect(@PathParam("topic") String topic, @QueryParam("limit") String limit) {
        AgentPolicy policy = topics.require(topic);
        int count = QueryParameters.limit(limit, INSPECT_DEFAULT, INSPECT_MAX);
        String stream = keys.stream(policy.topic());
        List<StreamMessage> entries = bus.newest(stream, count).stream().map(StreamMessage::of).toList();
        return new Inspection(policy.topic(), policy.agent(), stream, bus.length(stream), count, "newest_first", entries);
    }

    @Operation(summary = "Consumer groups of one topic",
            description = "Each consumer group of the topic with its pending entries, lag, last delivered id, entries read and consumers (pending count, idle time).")
    @GET
    @Path("streams/{topic}/groups")
    public Groups groups(@PathParam("topic") String topic) {
        AgentPolicy policy = topics.require(topic);
        TopicState state = bus.topics(List.of(policy), true).get(0);
        return new Groups(policy.topic(), policy.agent(), state.stream(), state.length(), state.groups());
    }

    @Operation(summary = "Bus totals and Redis memory",
            description = "Per topic: length, pending entries, dead-letter depth and each group's consumers, pending and lag; the totals; and the Redis server's version and memory.")
    @GET
    @Path("stats")
    public Stats stats() {
        List<StreamStats> streams = bus.topics(agents.all(), false).stream().map(BusResource::stats).toList();
        Totals totals = new Totals(streams.stream().mapToLong(StreamStats::length).sum(),
                streams.stream().mapToLong(StreamStats::pending).sum(),
                streams.stream().mapToLong(StreamStats::dlqDepth).sum());
        return new Stats(streams, totals, bus.serverInfo());
    }

    private static StreamStats stats(TopicState state) {
        List<GroupStats> groups = state.groups().stream()
                .map(g -> new GroupStats(g.name(), g.consumerCount(), g.pending(), g.lag())).toList();
        return new StreamStats(state.policy().topic(), state.policy().agent(), state.stream(), state.length(),
                state.pending(), state.deadLetterDepth(), groups);
    }
}
