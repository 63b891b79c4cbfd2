package io.genesis.businesses.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessChangeNotices;
import io.genesis.businesses.BusinessRecord;
import io.genesis.businesses.BusinessTask;
import io.genesis.businesses.BusinessViews;
import io.genesis.businesses.Transition;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.problem.DomainException;
import io.genesis.security.TenantSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The open event streams of this worker, by business, fed by one subscription to business change notices (every
 * worker hears every change): on a notice the business is read once from PostgreSQL and each of its streams gets
 * what it has not seen yet (its {@link EventCursor}). A new stream is a follower whose cursor is where the client
 * left off, so replay and live are the same step. Notices of one business are coalesced; a periodic re-read covers a
 * notice lost to a Redis outage and closes streams past their time limit.
 */
@ApplicationScoped
public class BusinessEventStreams {

    private static final Logger LOG = Logger.getLogger(BusinessEventStreams.class.getName());

    @Inject
    BusinessStore store;

    @Inject
    BusinessChangeNotices notices;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "genesis.businesses.events-resync-seconds")
    long resyncSeconds;

    @Inject
    @ConfigProperty(name = "genesis.businesses.events-max-seconds")
    long maxSeconds;

    /** Open streams one tenant may hold on this worker; the next is 429. */
    @Inject
    @ConfigProperty(name = "genesis.businesses.events-max-streams-per-tenant")
    int maxStreamsPerTenant;

    @Inject
    TenantSettings settings;

    private final Map<String, Followers> byBusiness = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> resync;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        notices.subscribe(this::changed);
        resync = scheduler.scheduleWithFixedDelay(() -> byBusiness.values().forEach(Followers::requestSync),
                resyncSeconds, resyncSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (resync != null) {
            resync.cancel(false);
        }
        byBusiness.values().forEach(Followers::closeAll);
    }

    /** Streams the business's events to {@code sink} from {@code cursor} on: what was missed at once, then live. */
    void follow(String businessId, String tenant, SseEventSink sink, Sse sse, EventCursor cursor) {
        long open = byBusiness.values().stream().flatMap(f -> f.members.stream())
                .filter(f -> f.tenant.equals(tenant) && !f.finished()).count();
        int max = settings.whole(tenant, TenantSettings.MAX_EVENT_STREAMS, maxStreamsPerTenant);
        if (open >= max) {
            throw new TooManyStreams(tenant, max);
        }
        Follower follower = new Follower(tenant, sink, sse, cursor, Instant.now().plusSeconds(maxSeconds));
        byBusiness.compute(businessId, (id, followers) -> {
            Followers all = followers == null ? new Followers(id) : followers;
            all.members.add(follower);
            return all;
        }).requestSync();
    }

    private void changed(String businessId) {
        Followers followers = byBusiness.get(businessId);
        if (followers != null) {
            followers.requestSync();
        }
    }

    /** The streams of one business; syncs run one at a time, and notices arriving meanwhile make one more. */
    private final class Followers {

        final String businessId;
        final List<Follower> members = new CopyOnWriteArrayList<>();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Followers(String businessId) {
            this.businessId = businessId;
        }

        void requestSync() {
            dirty.set(true);
            if (scheduled.compareAndSet(false, true)) {
                scheduler.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false)) {
                    sync();
                }
            } finally {
                scheduled.set(false);
                if (dirty.get()) {
                    requestSync();
                }
            }
        }

        private void sync() {
            members.removeIf(Follower::finished);
            if (members.isEmpty()) {
                byBusiness.computeIfPresent(businessId, (id, followers) -> followers.members.isEmpty() ? null : followers);
                return;
            }
            try {
                // the business first: a terminal status read here has its last transition and task outcomes visible below
                BusinessRecord business = store.find(businessId).orElse(null);
                long after = members.stream().mapToLong(f -> f.cursor.lastTransition()).min().orElse(0);
                List<Transition> transitions = store.transitions(businessId, after);
                List<BusinessTask> tasks = store.tasks(businessId);
                members.forEach(follower -> follower.catchUp(business, transitions, tasks));
            } catch (RuntimeException e) {
                LOG.fine(() -> "events of " + businessId + " wait for the next change or re-read: " + e.getMessage());
            }
        }

        void closeAll() {
            members.forEach(Follower::close);
        }
    }

    /** One client's stream and what it has seen. */
    private static final class Follower {

        private final String tenant;
        private final SseEventSink sink;
        private final Sse sse;
        private final Instant deadline;
        private volatile EventCursor cursor;
        private volatile boolean ended;

        Follower(String tenant, SseEventSink sink, Sse sse, EventCursor cursor, Instant deadline) {
            this.tenant = tenant;
            this.sink = sink;
            this.sse = sse;
            this.cursor = cursor;
            this.deadline = deadline;
        }

        boolean finished() {
            if (!ended && Instant.now().isAfter(deadline)) {
                close();
            }
            return ended || sink.isClosed();
        }

        void catchUp(BusinessRecord business, List<Transition> transitions, List<BusinessTask> tasks) {
            if (finished()) {
                return;
            }
            for (Transition t : transitions) {
                if (t.id() > cursor.lastTransition()) {
                    cursor = cursor.afterTransition(t.id());
                    send("transition", BusinessViews.transition(t));
                }
            }
            for (int position = 0; position < tasks.size(); position++) {
                BusinessTask task = tasks.get(position);
                if (task.status() != cursor.sent(position)) {
                    cursor = cursor.withTask(position, task.status());
                    send("task", JsonConventions.json().createObjectBuilder().add("task_id", task.taskId())
                            .add("status", task.status().sql()).add("agent", task.agentId() == null ? "" : task.agentId())
                            .add("task_type", task.taskType()).build());
                }
            }
            if (business != null && business.status().terminal()) {
                send("end", BusinessViews.summary(business));
                close();
            }
        }

        private void send(String name, JsonObject data) {
            if (sink.isClosed()) {
                ended = true;
                return;
            }
            sink.send(sse.newEventBuilder().name(name).id(cursor.id()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data.toString()).build()).whenComplete((done, failure) -> {
                        if (failure != null) {
                            close();
                        }
                    });
        }

        void close() {
            ended = true;
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.fine(() -> "closing an event stream: " + e.getMessage());
            }
        }
    }

    /** A tenant already holds its open event streams on this worker (429; a closed one frees its place). */
    static final class TooManyStreams extends DomainException {
        TooManyStreams(String tenant, int max) {
            super(Kind.TOO_MANY_REQUESTS, "tenant " + tenant + " already has " + max + " open event streams on this server"
                    + " (genesis.businesses.events-max-streams-per-tenant); close one or retry later");
            retryAfter(5);
        }
    }
}
