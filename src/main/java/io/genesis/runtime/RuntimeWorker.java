package io.genesis.runtime;

import io.genesis.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * This worker's share of the runtime: one {@link ConsumerLoop} per agent on the long-running consumer executor,
 * handler threads from the managed thread factory, plus the topic relay (delayed retries and cross-slot hand-on), the
 * SQL result writer, the timeout watchdog, the heartbeat and the stream janitor. Stops gracefully:
 * no new reads, in-flight tasks get the grace period, whatever remains is reclaimed by other workers. A server of role
 * {@code api} ({@link ServerRole}) starts none of it, and its health does not wait for consumers.
 */
@ApplicationScoped
public class RuntimeWorker {

    private static final Logger LOG = Logger.getLogger(RuntimeWorker.class.getName());
    private static final long HANDLER_THREAD_IDLE_SECONDS = 60;

    @Resource(lookup = "concurrent/genesis/consumers")
    ManagedExecutorService loopExecutor;

    /** Handler threads carry the application's context for their whole life: no context set-up per task. */
    @Resource(lookup = "concurrent/genesis/handler-threads")
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    AgentRegistry agents;

    @Inject
    RuntimeSettings settings;

    @Inject
    RedisConnection redis;

    @Inject
    RuntimeKeys keys;

    @Inject
    TaskRunner runner;

    @Inject
    WorkerIdentity worker;

    @Inject
    TopicRelay relay;

    @Inject
    ResultOutbox resultOutbox;

    @Inject
    StreamJanitor janitor;

    @Inject
    WorkerHeartbeat heartbeat;

    @Inject
    @ConfigProperty(name = ServerRole.KEY)
    ServerRole role;

    @Inject
    TimeoutWatchdog watchdog;

    private final List<ConsumerLoop> loops = new ArrayList<>();
    private ExecutorService handlerThreads;
    private final List<Future<?>> background = new ArrayList<>();
    private volatile Instant startedAt;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) @Initialized(ApplicationScoped.class) Object event) {
        startedAt = Instant.now();
        if (!role.works()) {
            LOG.info("Role api: this server serves HTTP only; no consumer loops or background work");
            return;
        }
        // as many threads as tasks in flight: each consumer loop bounds its own with the agent's consumers
        handlerThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, HANDLER_THREAD_IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threadFactory);
        for (AgentPolicy policy : agents.all()) {
            ConsumerLoop loop = new ConsumerLoop(policy, settings, redis, keys, runner, handlerThreads, worker.id());
            loops.add(loop);
            background.add(loopExecutor.submit(longRunning(loop, "consumer " + policy.agent())));
        }
        background.add(loopExecutor.submit(longRunning(relay, "topic relay")));
        background.add(loopExecutor.submit(longRunning(resultOutbox, "result outbox")));
        background.add(scheduler.scheduleWithFixedDelay(() -> heartbeat.beat(startedAt, inFlight()),
                0, settings.heartbeatSeconds(), TimeUnit.SECONDS));
        background.add(scheduler.scheduleWithFixedDelay(watchdog::check,
                TimeoutWatchdog.TICK_MILLIS, TimeoutWatchdog.TICK_MILLIS, TimeUnit.MILLISECONDS));
        background.add(scheduler.scheduleWithFixedDelay(janitor::trimAll,
                settings.trimIntervalSeconds(), settings.trimIntervalSeconds(), TimeUnit.SECONDS));
        LOG.info("Runtime worker " + worker.id() + " consuming " + loops.size() + " topics");
    }

    @PreDestroy
    void stop() {
        loops.forEach(ConsumerLoop::stop);
        long deadline = System.currentTimeMillis() + settings.shutdownGraceSeconds() * 1000;
        while (inFlight() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight();
        relay.stop();
        resultOutbox.stop();
        background.forEach(future -> future.cancel(true));
        if (handlerThreads != null) {
            handlerThreads.shutdownNow();
        }
        heartbeat.leave();
        LOG.info("Runtime worker " + worker.id() + " stopped" + (left == 0 ? "" : "; " + left
                + " unfinished task(s) left to be reclaimed by other workers"));
    }

    public int inFlight() {
        return loops.stream().mapToInt(ConsumerLoop::inFlight).sum();
    }

    /** True when every consumer loop has gone round recently (no remote call needed to tell). */
    public boolean consumersAlive() {
        if (!role.works()) {
            return true;
        }
        return !loops.isEmpty() && loops.stream().allMatch(loop -> loop.alive(staleAfterMillis()));
    }

    /** Agents whose loop is stuck (for the liveness report). */
    public List<String> stalledConsumers() {
        return loops.stream().filter(loop -> !loop.alive(staleAfterMillis())).map(loop -> loop.policy().agent()).toList();
    }

    /** A loop that has not gone round for this long is stuck. */
    private long staleAfterMillis() {
        return Math.max(30_000, settings.blockMillis() * 10);
    }

    /** True when every agent's consumer group exists on Redis. */
    public boolean groupsReady() {
        if (!role.works()) {
            return true;
        }
        return !loops.isEmpty() && loops.stream().allMatch(ConsumerLoop::groupReady);
    }

    public ServerRole role() {
        return role;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private static Runnable longRunning(Runnable task, String name) {
        return ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true",
                ManagedTask.IDENTITY_NAME, "genesis " + name), null);
    }
}
