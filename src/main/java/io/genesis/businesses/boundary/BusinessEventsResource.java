package io.genesis.businesses.boundary;

import io.genesis.businesses.BusinessRecord;
import io.genesis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/businesses/{id}/events}: Server-Sent Events of a business as it runs — every transition
 * ({@code event: transition}) and every task status change ({@code event: task}), from the start (or from the
 * {@code Last-Event-ID} a reconnecting client sends), then live, ending with {@code event: end} at a terminal status.
 * Every event's id is a cursor of what the client has seen ({@link EventCursor}); the live part comes from this
 * worker's one subscription to business change notices ({@link BusinessEventStreams}), whichever worker runs it.
 */
@RolesAllowed({Roles.TENANT, Roles.APPROVER, Roles.OPERATOR})
@Path("/businesses/{id}/events")
@ApplicationScoped
public class BusinessEventsResource {

    @Inject
    BusinessResource businesses;

    @Inject
    BusinessEventStreams streams;

    @Operation(summary = "A business's lifecycle as Server-Sent Events",
            description = "A `text/event-stream` of the business's lifecycle events (task started, finished, held, status changes) from the start or after `Last-Event-ID`; the stream stays open until the business ends.")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String businessId, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        BusinessRecord business = businesses.find(businessId); // 404 problem before the stream starts
        streams.follow(businessId, business.tenantId(), sink, sse, EventCursor.parse(lastEventId));
    }
}
