package io.genesis.live;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessStatus;
import io.genesis.businesses.BusinessViews;
import io.genesis.problem.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open live streams of this worker and what they were told. Change events ({@code business}, {@code payment}) get
 * a sequence number and stay in a short buffer, so a client that lost its connection and comes back with
 * {@code Last-Event-ID} gets exactly what it missed; when that is no longer possible (another worker answers, or the
 * buffer moved on) it gets {@code resync} and re-reads what it shows. Snapshots ({@code runtime} for operators,
 * {@code business-counts} per tenant) are sent on connecting and then only when they change. Every event id is
 * {@code <epoch of this feed>.<sequence>}. Sending happens under the feed's lock, so a joining stream never misses or
 * repeats an event published meanwhile; sends are asynchronous, so the lock is held briefly.
 */
@ApplicationScoped
public class LiveFeed {

    static final String RUNTIME = "runtime";
    static final String RESYNC = "resync";
    static final String HELLO = "hello";

    @Inject
    @ConfigProperty(name = "genesis.ops.events.max-seconds")
    long maxSeconds;

    @Inject
    @ConfigProperty(name = "genesis.ops.events.replay-events")
    int replayEvents;

    @Inject
    @ConfigProperty(name = "genesis.ops.events.max-streams-per-tenant")
    int maxStreamsPerTenant;

    @Inject
    @ConfigProperty(name = "genesis.ops.events.keep-alive-seconds")
    long keepAliveSeconds;

    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private long seq;
    private String runtime;
    private String runtimeFingerprint;
    private Map<String, Map<BusinessStatus, Long>> counts;

    /**
     * Opens a stream for a caller of {@code tenant} (empty: an operator, who sees every tenant), resuming after
     * {@code lastEventId} when it can. Throws a 429 when the tenant already holds its streams on this worker.
     */
    public synchronized void join(LiveSink sink, Optional<String> tenant, boolean operator, String lastEventId) {
        String key = tenant.orElse(null);
        long open = subscribers.stream().filter(s -> java.util.Objects.equals(s.tenant(), key)).count();
        if (open >= maxStreamsPerTenant) {
            throw new TooManyStreams(tenant.orElse("(operators)"), maxStreamsPerTenant);
        }
        Subscriber subscriber = new Subscriber(sink, key, operator, Instant.now().plusSeconds(maxSeconds));
        boolean resumed = resume(subscriber, lastEventId);
        subscriber.send(id(), HELLO, JsonConventions.json().createObjectBuilder().add("epoch", epoch)
                .add("max_seconds", maxSeconds).add("resumed", resumed).build().toString());
        if (counts != null) {
            subscriber.counts(id(), countsFor(key).toString());
        }
        if (operator && runtime != null) {
            subscriber.send(id(), RUNTIME, runtime);
        }
        subscribers.add(subscriber);
    }

    /** Replays what the client missed; false (after telling it to re-read) when that is not possible. */
    private boolean resume(Subscriber subscriber, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return false;
        }
        long after = after(lastEventId);
        long oldest = recent.isEmpty() ? seq + 1 : recent.peekFirst().seq();
        if (after < 0 || after > seq || after < oldest - 1) {
            subscriber.send(id(), RESYNC, JsonConventions.json().createObjectBuilder().add("reason", after < 0
                    ? "the stream restarted on another worker or after a restart" : "more changed than this worker keeps")
                    .build().toString());
            return false;
        }
        recent.stream().filter(e -> e.seq() > after && e.visibleTo(subscriber))
                .forEach(e -> subscriber.send(epoch + "." + e.seq(), e.name(), e.data()));
        return true;
    }

    /** The sequence number in an id of this feed, or -1 (another worker's, a restart's, or not an id at all). */
    private long after(String lastEventId) {
        int dot = lastEventId.indexOf('.');
        if (dot < 0 || !lastEventId.substring(0, dot).equals(epoch)) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Tells every stream that may see it (its tenant's and operators') that something of {@code tenant} changed. */
    synchronized void publish(String name, String tenant, JsonObject data) {
        LiveEvent event = new LiveEvent(++seq, name, tenant, data.toString());
        recent.addLast(event);
        while (recent.size() > replayEvents) {
            recent.removeFirst();
        }
        subscribers.stream().filter(event::visibleTo).forEach(s -> s.send(id(), name, event.data()));
    }

    /** New business counts per tenant: each stream gets its tenant's (operators: the sum) when they changed. */
    synchronized void counts(Map<String, Map<BusinessStatus, Long>> byTenant) {
        counts = byTenant;
        subscribers.forEach(s -> s.counts(id(), countsFor(s.tenant()).toString()));
    }

    /** A new runtime snapshot for operators, sent only when its {@code fingerprint} differs from the last one's. */
    synchronized void runtime(String fingerprint, String json) {
        runtime = json;
        if (!fingerprint.equals(runtimeFingerprint)) {
            runtimeFingerprint = fingerprint;
            subscribers.stream().filter(Subscriber::operator).forEach(s -> s.send(id(), RUNTIME, json));
        }
    }

    /** Ends streams past their time limit, pings idle ones and forgets the closed ones. */
    void sweep() {
        Instant now = Instant.now();
        subscribers.removeIf(s -> s.sweep(now, keepAliveSeconds));
    }

    boolean anyone() {
        return !subscribers.isEmpty();
    }

    boolean anyOperator() {
        return subscribers.stream().anyMatch(Subscriber::operator);
    }

    private String id() {
        return epoch + "." + seq;
    }

    private JsonObject countsFor(String tenant) {
        Map<BusinessStatus, Long> sum = new EnumMap<>(BusinessStatus.class);
        counts.forEach((owner, byStatus) -> {
            if (tenant == null || tenant.equals(owner)) {
                byStatus.forEach((status, n) -> sum.merge(status, n, Long::sum));
            }
        });
        return BusinessViews.statusCounts(sum);
    }

    @PreDestroy
    void stop() {
        subscribers.forEach(Subscriber::close);
    }

    /** A tenant already holds its open live streams on this worker (429; a closed one frees its place). */
    static final class TooManyStreams extends DomainException {
        TooManyStreams(String tenant, int max) {
            super(Kind.TOO_MANY_REQUESTS, "tenant " + tenant + " already has " + max + " open live streams on this server"
                    + " (genesis.ops.events.max-streams-per-tenant); close one or retry later");
            retryAfter(5);
        }
    }
}
