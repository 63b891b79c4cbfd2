package io.genesis.businesses.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.BusinessViews;
import io.genesis.businesses.Transition;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * {@code GET /api/businesses/{id}/events}: Server-Sent Events of a business as it runs — every transition
 * ({@code event: transition}) and every task status change ({@code event: task}), from the start, then live, ending
 * with {@code event: end} at a terminal status. Read from PostgreSQL, so it follows the business whichever worker runs it.
 */
@Path("/businesses/{id}/events")
@ApplicationScoped
public class BusinessEventsResource {

    private static final Logger LOG = Logger.getLogger(BusinessEventsResource.class.getName());

    @Inject
    BusinessResource businesses;

    @Inject
    BusinessStore store;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "genesis.businesses.events-poll-ms")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "genesis.businesses.events-max-seconds")
    long maxSeconds;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String businessId, @Context SseEventSink sink, @Context Sse sse) {
        businesses.find(businessId); // 404 problem before the stream starts
        Instant deadline = Instant.now().plusSeconds(maxSeconds);
        long[] lastTransition = {0};
        Map<String, String> taskStatus = new HashMap<>();
        AtomicReference<ScheduledFuture<?>> poller = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                if (sink.isClosed() || Instant.now().isAfter(deadline)) {
                    stop(poller, sink);
                    return;
                }
                for (Transition t : store.transitions(businessId, lastTransition[0])) {
                    sink.send(sse.newEventBuilder().name("transition").id(String.valueOf(t.id()))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(BusinessViews.transition(t).toString()).build());
                    lastTransition[0] = t.id();
                }
                for (BusinessTask task : store.tasks(businessId)) {
                    String now = task.status().sql();
                    if (!now.equals(taskStatus.put(task.taskId(), now))) {
                        sink.send(sse.newEventBuilder().name("task").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(JsonConventions.json().createObjectBuilder().add("task_id", task.taskId()).add("status", now)
                                        .add("agent", task.agentId() == null ? "" : task.agentId())
                                        .add("task_type", task.taskType()).build().toString()).build());
                    }
                }
                BusinessRecord business = store.find(businessId).orElseThrow();
                if (business.status().terminal()) {
                    sink.send(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(BusinessViews.summary(business).toString()).build());
                    stop(poller, sink);
                }
            } catch (RuntimeException e) {
                LOG.fine(() -> "events of " + businessId + " stopped: " + e.getMessage());
                stop(poller, sink);
            }
        };
        poller.set(scheduler.scheduleWithFixedDelay(poll, 0, pollMillis, TimeUnit.MILLISECONDS));
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> poller, SseEventSink sink) {
        ScheduledFuture<?> future = poller.get();
        if (future != null) {
            future.cancel(false);
        }
        sink.close();
    }
}
