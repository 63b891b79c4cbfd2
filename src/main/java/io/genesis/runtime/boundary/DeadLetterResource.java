package io.genesis.runtime.boundary;

import io.genesis.api.QueryParameters;
import io.genesis.runtime.AgentPolicy;
import io.genesis.runtime.RuntimeKeys;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.DeadLetter;
import io.genesis.runtime.ops.DeadLetterAdmin;
import io.genesis.runtime.ops.ReplayOutcome;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * Dead letters: depth per topic, inspect with error and retry history, replay (all or chosen entries) and purge.
 * Replay of everything is capped per call ({@link DeadLetterAdmin#MAX_REPLAY_PER_CALL}); the answer says how many
 * remain.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("bus/dlq")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    KnownTopics topics;

    @Inject
    BusReader bus;

    @Inject
    DeadLetterAdmin admin;

    @Inject
    RuntimeKeys keys;

    public record Depths(long total, List<Depth> deadLetters) {
    }

    public record Depth(String topic, String agent, String stream, long depth) {
    }

    public record Inspection(String topic, String agent, String stream, long depth, int limit, String order,
                             List<DeadLetter> entries) {
    }

    public record Purged(String topic, long purged) {
    }

    /** Depth per topic: only topics with dead letters, or the one asked for (even when empty). */
    @Operation(summary = "Dead-letter depth per topic",
            description = "How many dead letters each topic holds (or one topic with `?topic=`).")
    @GET
    public Depths depths(@QueryParam("topic") String topic) {
        boolean one = topic != null && !topic.isBlank();
        List<Depth> depths = bus.deadLetterDepths(topics.allOrOne(topic)).entrySet().stream()
                .filter(entry -> one || entry.getValue() > 0)
                .map(entry -> new Depth(entry.getKey().topic(), entry.getKey().agent(),
                        keys.deadLetters(entry.getKey().topic()), entry.getValue()))
                .toList();
        return new Depths(depths.stream().mapToLong(Depth::depth).sum(), depths);
    }

    @Operation(summary = "The dead letters of one topic",
            description = "Up to `limit` (1-1000, default 10) newest dead letters of a topic, each with its error, attempts and original entry.")
    @GET
    @Path("{topic}")
    public Inspection inspect(@PathParam("topic") String topic, @QueryParam("limit") String limit) {
        AgentPolicy policy = topics.require(topic);
        int count = QueryParameters.limit(limit, BusResource.INSPECT_DEFAULT, BusResource.INSPECT_MAX);
        List<DeadLetter> entries = admin.newest(policy, count);
        return new Inspection(policy.topic(), policy.agent(), keys.deadLetters(policy.topic()), admin.depth(policy), count,
                "newest_first", entries);
    }

    /** Body optional: none (or no {@code ids}) replays the oldest entries up to the cap; {@code ids} replays those. */
    @Operation(summary = "Replay dead letters",
            description = "Optional body `{\"ids\": [entry ids]}`: publishes those dead letters (no body: the oldest up to the per-call cap) back to the topic and removes them from the dead-letter stream; invalid ids are listed in the problem's `invalid_ids`.")
    @POST
    @Path("{topic}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayOutcome replay(@PathParam("topic") String topic, @Valid ReplayRequest request) {
        AgentPolicy policy = topics.require(topic);
        Optional<List<String>> ids = request == null ? Optional.empty() : request.entryIds();
        return ids.isPresent() ? admin.replay(policy, ids.get()) : admin.replayOldest(policy);
    }

    @Operation(summary = "Purge a topic's dead letters",
            description = "Deletes every dead letter of the topic; answers how many were purged.")
    @DELETE
    @Path("{topic}")
    public Purged purge(@PathParam("topic") String topic) {
        AgentPolicy policy = topics.require(topic);
        return new Purged(policy.topic(), admin.purge(policy));
    }
}
