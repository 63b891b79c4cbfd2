package io.genesis.live.boundary;

import io.genesis.live.LiveFeed;
import io.genesis.security.Roles;
import io.genesis.security.TenantResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/ops/events}: the dashboard's live feed as Server-Sent Events — {@code business} and {@code payment}
 * changes of the caller's tenant (operators: every tenant), {@code business-counts}, and for operators {@code runtime}
 * (workers, queues, dead letters, counters). One source per worker feeds every stream ({@link LiveFeed}); the server
 * ends a stream after {@code genesis.ops.events.max-seconds}, and a client that reconnects with {@code Last-Event-ID}
 * gets what it missed, or {@code resync}.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("ops/events")
@ApplicationScoped
public class LiveEventsResource {

    @Inject
    LiveFeed feed;

    @Inject
    TenantResolver tenants;

    @Operation(summary = "The dashboard's live feed (Server-Sent Events)",
            description = "A `text/event-stream` of what changes while the dashboard is open: `hello` first, then `business` (a business's summary when it changed), `payment` (a payment's id, tenant, status, agent and vendor when its status changed), `business-counts` (businesses by status, when they changed) and, for operators, `runtime` (workers, queue depth, pending, dead letters and counters per topic). Only the caller's tenant's events (operators: every tenant). The server ends the stream after `genesis.ops.events.max-seconds`; reconnecting with `Last-Event-ID` replays what was missed, or sends `resync` when that is no longer possible. 429 when the tenant already holds `genesis.ops.events.max-streams-per-tenant` streams on this server.")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        String last = lastEventId == null || lastEventId.length() > 100 ? null : lastEventId;
        feed.join(new SseLiveSink(sink, sse), tenants.readScope(null), tenants.caller().isOperator(), last);
    }
}
