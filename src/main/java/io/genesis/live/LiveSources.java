package io.genesis.live;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.BusinessChangeNotices;
import io.genesis.businesses.BusinessViews;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.payments.PaymentChangeNotices;
import io.genesis.payments.TenantScope;
import io.genesis.payments.store.PaymentRow;
import io.genesis.payments.store.PaymentStore;
import io.genesis.runtime.AgentRegistry;
import io.genesis.runtime.ops.BusReader;
import io.genesis.runtime.ops.RuntimeOverview;
import io.genesis.runtime.ops.RuntimeReport;
import io.genesis.runtime.ops.TopicCounters;
import io.genesis.runtime.ops.TopicState;
import io.genesis.runtime.ops.WorkerStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Where the live feed's events come from, read once per tick on this worker however many streams are open: the ids
 * of businesses and payments changed since the last tick (from the change notices every worker hears), each read once
 * from PostgreSQL; businesses by status for every tenant in one grouped query when a business changed; and, while an
 * operator watches, the runtime's Redis figures (workers, queues, dead letters, counters). Nothing is read while no
 * stream is open. A failed read (PostgreSQL or Redis down) keeps the ids for the next tick.
 */
@ApplicationScoped
public class LiveSources {

    private static final Logger LOG = Logger.getLogger(LiveSources.class.getName());

    @Inject
    LiveFeed feed;

    @Inject
    BusinessChangeNotices businessNotices;

    @Inject
    PaymentChangeNotices paymentNotices;

    @Inject
    BusinessStore businesses;

    @Inject
    PaymentStore payments;

    @Inject
    RuntimeOverview overview;

    @Inject
    BusReader bus;

    @Inject
    AgentRegistry agents;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "genesis.ops.events.interval-millis")
    long intervalMillis;

    private final Set<String> changedBusinesses = ConcurrentHashMap.newKeySet();
    private final Set<String> changedPayments = ConcurrentHashMap.newKeySet();
    private volatile boolean countsStale = true;
    private volatile ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        businessNotices.subscribe(id -> {
            if (feed.anyone()) {
                changedBusinesses.add(id);
            }
        });
        paymentNotices.subscribe(id -> {
            if (feed.anyone()) {
                changedPayments.add(id);
            }
        });
        ticks = scheduler.scheduleWithFixedDelay(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void tick() {
        try {
            feed.sweep();
            if (!feed.anyone()) {
                countsStale = true; // the next viewer gets fresh counts
                return;
            }
            boolean businessChanged = !changedBusinesses.isEmpty();
            readBusinesses();
            if (businessChanged || countsStale) {
                feed.counts(businesses.countByTenantAndStatus());
                countsStale = false;
            }
            readPayments();
            if (feed.anyOperator()) {
                runtime();
            }
        } catch (RuntimeException e) {
            countsStale = true;
            LOG.fine(() -> "live feed tick: " + e.getMessage() + " (next tick retries)");
        }
    }

    private void readBusinesses() {
        for (String id : List.copyOf(changedBusinesses)) {
            businesses.find(id).ifPresent(b -> feed.publish("business", b.tenantId(), BusinessViews.summary(b)));
            changedBusinesses.remove(id);
        }
    }

    private void readPayments() {
        for (String id : List.copyOf(changedPayments)) {
            payments.row(TenantScope.every(), id).ifPresent(p -> feed.publish("payment", p.tenantId(), payment(p)));
            changedPayments.remove(id);
        }
    }

    private static jakarta.json.JsonObject payment(PaymentRow p) {
        JsonObjectBuilder json = JsonConventions.json().createObjectBuilder().add("payment_id", p.id())
                .add("tenant_id", p.tenantId()).add("status", p.status()).add("kind", p.kind())
                .add("agent_id", p.agentId()).add("business_id", p.businessId());
        if (p.vendorId() != null) {
            json.add("vendor_id", p.vendorId());
        }
        return json.build();
    }

    /** The runtime report and every topic's figures; sent when anything but the clock and memory changed. */
    private void runtime() {
        RuntimeReport report = overview.report();
        List<TopicState> topics = report.redis() != null && report.redis().connected()
                ? bus.topics(agents.all(), false) : List.of();
        JsonArrayBuilder rows = JsonConventions.json().createArrayBuilder();
        TopicCounters totals = TopicCounters.ZERO;
        for (TopicState topic : topics) {
            TopicCounters c = topic.counters();
            totals = totals.plus(c);
            rows.add(JsonConventions.json().createObjectBuilder().add("topic", topic.policy().topic())
                    .add("agent", topic.policy().agent()).add("length", topic.length()).add("pending", topic.pending())
                    .add("dlq_depth", topic.deadLetterDepth()).add("processed", c.processed()).add("failed", c.failed()));
        }
        JsonObjectBuilder counters = JsonConventions.json().createObjectBuilder().add("received", totals.received())
                .add("processed", totals.processed()).add("failed", totals.failed()).add("retried", totals.retried())
                .add("dead_lettered", totals.deadLettered()).add("timed_out", totals.timedOut())
                .add("avg_processing_ms", totals.avgProcessingMs());
        jakarta.json.JsonArray topicRows = rows.build();
        jakarta.json.JsonObject countersJson = counters.build();
        String fingerprint = String.join("|", report.status(), String.valueOf(report.reasons()),
                String.valueOf(report.queueDepth()), String.valueOf(report.pending()), String.valueOf(report.dlqDepth()),
                String.valueOf(report.workers() == null ? List.of() : report.workers().stream().map(LiveSources::worker).toList()), topicRows.toString(),
                countersJson.toString());
        feed.runtime(fingerprint, JsonConventions.json().createObjectBuilder()
                .add("report", JsonConventions.readObject(JsonConventions.jsonb().toJson(report)))
                .add("topics", topicRows).add("totals", countersJson).build().toString());
    }

    private static String worker(WorkerStatus w) {
        return w.workerId() + "/" + w.alive() + "/" + w.inFlight() + "/" + w.lastHeartbeat();
    }
}
