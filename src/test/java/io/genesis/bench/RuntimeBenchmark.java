package io.genesis.bench;

import io.genesis.api.JsonConventions;
import io.genesis.security.TenantResolver;
import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.Database;
import io.genesis.runtime.Envelope;
import io.genesis.runtime.PublishScript;
import io.genesis.runtime.RuntimeKeys;
import io.genesis.runtime.TaskPublisher;
import jakarta.json.JsonValue;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.genesis.bench.BenchmarkReport.ms;
import static io.genesis.bench.BenchmarkReport.percent;
import static io.genesis.bench.BenchmarkReport.rate;
import static io.genesis.bench.BenchmarkReport.seconds;

/**
 * One benchmark run against the integration-test server and its Redis/PostgreSQL (run with {@code mvn verify -Pbench}):
 * (a) raw Jedis stream loops on the same Redis, (b) no-op tasks through the whole runtime, enqueue-to-handler latency
 * at half of (b)'s throughput, and {@code POST /api/tasks} latency at a fixed request rate. Every phase is bounded by
 * a count and a duration. It reports numbers and asserts none of them: an incomplete phase is reported as such.
 */
class RuntimeBenchmark {

    private static final String TOPIC = System.getProperty("genesis.bench.topic", "genesis.analytics");
    private static final String AGENT = System.getProperty("genesis.bench.agent", "analytics_agent");
    private static final String KEY_PREFIX = System.getProperty("genesis.bench.key-prefix", "omni");
    private static final int TASKS = Integer.getInteger("genesis.bench.tasks", 20_000);
    private static final int RAW_MESSAGES = Integer.getInteger("genesis.bench.raw-messages", 200_000);
    private static final int SEQUENTIAL_MESSAGES = Integer.getInteger("genesis.bench.sequential-messages", 20_000);
    private static final int PUBLISHERS = Integer.getInteger("genesis.bench.publishers", 4);
    private static final int HTTP_RATE = Integer.getInteger("genesis.bench.http-rate", 1_000);
    private static final int PHASE_SECONDS = Integer.getInteger("genesis.bench.phase-seconds", 10);
    private static final Path OUTPUT = Path.of(System.getProperty("genesis.bench.output-dir", "target/benchmark"));
    private static final Path BULLMQ = Path.of(System.getProperty("genesis.bench.bullmq-dir", "target/bullmq"));
    private static final int BULLMQ_CONCURRENCY = Integer.getInteger("genesis.bench.bullmq-concurrency", 64);

    private static final int WARMUP_TASKS = Integer.getInteger("genesis.bench.warmup-tasks", 40_000);
    private static final int HTTP_WARMUP_REQUESTS = 3_000;
    private static final int HTTP_WARMUP_SECONDS = 10;
    private static final int MAX_PACED_TASKS = 100_000;
    private static final int RAW_BATCH = 100;
    private static final int HTTP_IN_FLIGHT = 100;
    private static final Duration RAW_LIMIT = Duration.ofSeconds(30);
    private static final Duration RUNTIME_LIMIT = Duration.ofSeconds(60);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final Duration SQL_LIMIT = Duration.ofSeconds(30);
    private static final Duration PACING_OVERRUN = Duration.ofSeconds(5);
    private static final long STATE_TTL_SECONDS = 3600;
    private static final String GROUP = "bench";
    private static final Pattern COMMAND_STAT = Pattern.compile("cmdstat_([^:]+):calls=(\\d+),usec=(\\d+),usec_per_call=([0-9.]+)");

    private static RedisClient redis;
    private static RuntimeKeys keys;
    private static PublishScript publisher;
    private static ProcessCpu cpu;

    /** Messages or tasks moved in a measured time; {@code complete} is false when a bound cut the phase short. */
    private record Throughput(long count, long nanos, boolean complete) {
        double perSecond() {
            return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
        }
    }

    /** A runtime burst: tasks completed end to end, and how fast the publishers put them on the stream. */
    private record Burst(Throughput completed, Throughput published) {
    }

    @BeforeAll
    static void connect() {
        Await.ready();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(PUBLISHERS + 8);
        pool.setMaxIdle(PUBLISHERS + 8);
        redis = RedisClient.builder()
                .hostAndPort("127.0.0.1", Integer.getInteger("genesis.it.redis.port"))
                .poolConfig(pool)
                .build();
        keys = RuntimeKeys.withPrefix(KEY_PREFIX);
        publisher = new PublishScript(keys);
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void measure() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        cpu = ProcessCpu.benchmarkProcesses();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        describeMachine(report);

        Throughput warmup = runtimeBurst(WARMUP_TASKS).completed();
        report.note("Warm-up: " + warmup.count() + " tasks through the runtime before measuring (not counted).");

        Throughput pipelined = rawPipelined();
        Samples sequentialLatency = new Samples(SEQUENTIAL_MESSAGES);
        Throughput sequential = rawSequential(sequentialLatency);
        report.result("(a1) raw Jedis, pipelined producer (XADD x" + RAW_BATCH + ") + 1 consumer XREADGROUP COUNT " + RAW_BATCH
                + " BLOCK + XACK batch, " + pipelined.count() + " msgs", rate(pipelined.perSecond(), "msgs") + incomplete(pipelined));
        report.result("(a2) raw Jedis, sequential XADD, XREADGROUP COUNT 1, XACK (one at a time), " + sequential.count() + " msgs",
                rate(sequential.perSecond(), "msgs") + incomplete(sequential) + "; per message p50 "
                        + ms(sequentialLatency.percentileMs(50)) + ", p99 " + ms(sequentialLatency.percentileMs(99)));

        redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
        long rowsBefore = sqlRows();
        Map<String, Long> cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        Burst burst = runtimeBurst(TASKS);
        Throughput runtime = burst.completed();
        String commandStats = redis.info("commandstats");
        Duration toSql = awaitRows(rowsBefore + runtime.count(), start);
        Map<String, Long> cpuAfter = cpu.snapshot();
        report.result("(b) runtime, " + runtime.count() + " no-op tasks on " + TOPIC + " (publish script from " + PUBLISHERS
                + " threads -> consume -> handler -> finish+ack), first publish to last completion",
                rate(runtime.perSecond(), "tasks") + incomplete(runtime) + " (all published after "
                        + seconds(burst.published().nanos() / 1e9) + ", " + rate(burst.published().perSecond(), "tasks") + ")");
        report.result("(b) / (a1)", percent(runtime.perSecond() / pipelined.perSecond()));
        report.result("(b) / (a2)", percent(runtime.perSecond() / sequential.perSecond()));
        report.result("(b) all " + runtime.count() + " rows in PostgreSQL omnidaemon_task_results, after first publish",
                toSql == null ? "not within " + SQL_LIMIT.toSeconds() + " s" : seconds(toSql.toNanos() / 1e9) + " ("
                        + rate(runtime.count() * 1e9 / toSql.toNanos(), "rows") + ")");
        report.result("(b) CPU per task (publish to SQL row; the benchmark JVM is the publisher)",
                ProcessCpu.perUnit(cpuBefore, cpuAfter, runtime.count()));
        commandStatsPerTask(commandStats, runtime.count()).forEach(report::diagnostic);
        sideBySide(report, runtime, cpuBefore, cpuAfter);

        double pacedRate = Math.max(10, runtime.perSecond() / 2);
        Samples enqueueLatency = new Samples(MAX_PACED_TASKS);
        Throughput paced = pacedLatency(pacedRate, enqueueLatency, report);
        report.result(String.format(Locale.ROOT, "enqueue -> handler start (started_at - created_at) at %.0f tasks/s open loop "
                        + "(50 %% of (b)), %d tasks over %d s", pacedRate, enqueueLatency.count(), PHASE_SECONDS),
                "p50 " + ms(enqueueLatency.percentileMs(50)) + ", p99 " + ms(enqueueLatency.percentileMs(99)) + ", max "
                        + ms(enqueueLatency.maxMs()) + " (sent at " + rate(paced.perSecond(), "tasks") + ")" + incomplete(paced));

        httpLatency(report);

        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.environment("load average (1 min) before / after", String.format(Locale.ROOT, "%.2f / %.2f", loadBefore, loadAfter));
        String markdown = report.markdown();
        System.out.println(markdown);
        System.out.println("Written to " + report.write(OUTPUT).toAbsolutePath());
    }

    private void describeMachine(BenchmarkReport report) throws IOException, SQLException {
        report.environment("date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        report.environment("CPUs (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        report.environment("CPU", cpuModel());
        report.environment("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        report.environment("Java (benchmark JVM)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.environment("Redis", "redis-server " + infoField(redis.info("server"), "redis_version") + " (embedded, no persistence)");
        try (var connection = Database.connect(); var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            report.environment("PostgreSQL", rs.getString(1) + " (embedded)");
        }
        report.environment("server settings", System.getProperty("genesis.bench.server-settings", "(not given)"));
        report.environment("benchmark settings", String.format(Locale.ROOT, "topic %s (%s), tasks %d, raw msgs %d / %d, "
                        + "publisher threads %d, paced phases %d s, HTTP %d req/s", TOPIC, AGENT, TASKS, RAW_MESSAGES,
                SEQUENTIAL_MESSAGES, PUBLISHERS, PHASE_SECONDS, HTTP_RATE));
    }

    // ---------------------------------------------------------------- (a) raw Redis Streams

    private Throughput rawPipelined() throws Exception {
        String stream = scratchStream();
        Map<String, String> fields = Map.of("data", samplePayload());
        try {
            long deadline = System.nanoTime() + RAW_LIMIT.toNanos();
            AtomicLong consumed = new AtomicLong();
            AtomicLong finishedAt = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread consumer = new Thread(() -> {
                try {
                    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(RAW_BATCH).block(100);
                    while (consumed.get() < RAW_MESSAGES && System.nanoTime() < deadline) {
                        var batch = redis.xreadGroup(GROUP, "raw", params, Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                        if (batch == null || batch.isEmpty()) {
                            continue;
                        }
                        List<StreamEntry> entries = batch.get(0).getValue();
                        redis.xack(stream, GROUP, entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
                        consumed.addAndGet(entries.size());
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                } finally {
                    finishedAt.set(System.nanoTime());
                }
            }, "bench-raw-consumer");
            long start = System.nanoTime();
            consumer.start();
            int produced = 0;
            try (AbstractPipeline pipe = redis.pipelined()) {
                while (produced < RAW_MESSAGES && System.nanoTime() < deadline) {
                    int batch = Math.min(RAW_BATCH, RAW_MESSAGES - produced);
                    for (int i = 0; i < batch; i++) {
                        pipe.xadd(stream, StreamEntryID.NEW_ENTRY, fields);
                    }
                    pipe.sync();
                    produced += batch;
                }
            }
            consumer.join(RAW_LIMIT.toMillis() + 5_000);
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Throughput(consumed.get(), finishedAt.get() - start, consumed.get() == RAW_MESSAGES);
        } finally {
            redis.del(stream);
        }
    }

    private Throughput rawSequential(Samples latency) {
        String stream = scratchStream();
        Map<String, String> fields = Map.of("data", samplePayload());
        XReadGroupParams one = XReadGroupParams.xReadGroupParams().count(1);
        Map<String, StreamEntryID> fromNew = Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        try {
            long start = System.nanoTime();
            long deadline = start + RAW_LIMIT.toNanos();
            int done = 0;
            while (done < SEQUENTIAL_MESSAGES && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                redis.xadd(stream, StreamEntryID.NEW_ENTRY, fields);
                var batch = redis.xreadGroup(GROUP, "raw", one, fromNew);
                if (batch == null || batch.isEmpty()) {
                    continue;
                }
                redis.xack(stream, GROUP, batch.get(0).getValue().get(0).getID());
                latency.add(System.nanoTime() - t0);
                done++;
            }
            return new Throughput(done, System.nanoTime() - start, done == SEQUENTIAL_MESSAGES);
        } finally {
            redis.del(stream);
        }
    }

    private String scratchStream() {
        String stream = "bench:raw:" + UUID.randomUUID();
        redis.xgroupCreate(stream, GROUP, new StreamEntryID(), true);
        return stream;
    }

    /** A stream entry as large as the runtime's: the JSON of a no-op task envelope. */
    private static String samplePayload() {
        return JsonConventions.jsonb().toJson(envelope(TaskPublisher.newTaskId()));
    }

    // ---------------------------------------------------------------- (b) the whole runtime

    /** Publishes {@code count} tasks as fast as the publisher threads can and waits until the runtime completed them. */
    private Burst runtimeBurst(int count) throws Exception {
        long processedBefore = processed();
        long start = System.nanoTime();
        long deadline = start + RUNTIME_LIMIT.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        runOnPublishers(thread -> {
            while (System.nanoTime() < deadline) {
                int i = next.getAndIncrement();
                if (i >= count) {
                    return;
                }
                publish(envelope(TaskPublisher.newTaskId()));
                published.incrementAndGet();
            }
        });
        Throughput enqueued = new Throughput(published.get(), System.nanoTime() - start, published.get() == count);
        long completedAt = awaitProcessed(processedBefore + published.get(), deadline);
        long completed = processed() - processedBefore;
        return new Burst(new Throughput(Math.min(completed, published.get()),
                (completedAt < 0 ? System.nanoTime() : completedAt) - start, completedAt >= 0 && enqueued.complete()), enqueued);
    }

    /**
     * Publishes at a fixed rate for the phase duration, open loop (each publisher thread sends on its schedule and never
     * waits for the runtime), then reads {@code created_at} and {@code started_at} of every task's state hash.
     */
    private Throughput pacedLatency(double perSecond, Samples latency, BenchmarkReport report) throws Exception {
        int count = (int) Math.min(MAX_PACED_TASKS, Math.round(perSecond * PHASE_SECONDS));
        String[] ids = new String[count];
        long processedBefore = processed();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long hardStop = start + TimeUnit.SECONDS.toNanos(PHASE_SECONDS) + PACING_OVERRUN.toNanos();
        AtomicLong worstLag = new AtomicLong();
        AtomicInteger published = new AtomicInteger();
        runOnPublishers(thread -> {
            for (int i = thread; i < count; i += PUBLISHERS) {
                long due = start + (long) (i * 1e9 / perSecond);
                if (due > hardStop || System.nanoTime() > hardStop) {
                    return;
                }
                parkUntil(due);
                worstLag.accumulateAndGet(System.nanoTime() - due, Math::max);
                String id = TaskPublisher.newTaskId();
                publish(envelope(id));
                ids[i] = id;
                published.incrementAndGet();
            }
        });
        long sentFor = System.nanoTime() - start;
        boolean drained = awaitProcessed(processedBefore + published.get(), System.nanoTime() + DRAIN_LIMIT.toNanos()) >= 0;
        int missing = readEnqueueLatencies(ids, latency);
        report.note(String.format(Locale.ROOT, "Latency phase: the publishers fell at most %.1f ms behind their schedule%s.",
                worstLag.get() / 1e6, missing == 0 ? "" : "; " + missing + " tasks had no started_at and are left out"));
        return new Throughput(published.get(), sentFor, drained && published.get() == count);
    }

    private int readEnqueueLatencies(String[] ids, Samples latency) {
        int missing = 0;
        for (int from = 0; from < ids.length; from += 1_000) {
            List<Response<List<String>>> replies = new ArrayList<>();
            try (AbstractPipeline pipe = redis.pipelined()) {
                for (int i = from; i < Math.min(ids.length, from + 1_000); i++) {
                    if (ids[i] != null) {
                        replies.add(pipe.hmget(keys.task(TOPIC, ids[i]), "created_at", "started_at"));
                    }
                }
                pipe.sync();
            }
            for (Response<List<String>> reply : replies) {
                List<String> times = reply.get();
                if (times.get(0) == null || times.get(1) == null) {
                    missing++;
                } else {
                    latency.add(Duration.between(Instant.parse(times.get(0)), Instant.parse(times.get(1))).toNanos());
                }
            }
        }
        return missing;
    }

    private static Envelope envelope(String taskId) {
        return new Envelope(taskId, TOPIC, JsonValue.EMPTY_JSON_OBJECT, null, null, taskId, null, "benchmark",
                TenantResolver.DEFAULT_TENANT, 0, Instant.now().toString(), null, null, null, null);
    }

    private void publish(Envelope envelope) {
        publisher.call(redis, envelope, AGENT, STATE_TTL_SECONDS, STATE_TTL_SECONDS);
    }

    private interface PublisherWork {
        void run(int thread) throws Exception;
    }

    private static void runOnPublishers(PublisherWork work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PUBLISHERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < PUBLISHERS; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(RUNTIME_LIMIT.toSeconds() + PHASE_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Polls the topic's cumulative {@code processed} counter; the nanoTime it reached {@code target}, or -1 at the deadline. */
    private long awaitProcessed(long target, long deadline) {
        while (System.nanoTime() < deadline) {
            if (processed() >= target) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return processed() >= target ? System.nanoTime() : -1;
    }

    private long processed() {
        String value = redis.hget(keys.metrics(TOPIC), "processed");
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Time from {@code start} until the result table holds {@code target} rows of the topic; null past the limit. */
    private Duration awaitRows(long target, long start) throws SQLException {
        long deadline = System.nanoTime() + SQL_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (sqlRows() >= target) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return null;
    }

    private long sqlRows() throws SQLException {
        try (var connection = Database.connect();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM omnidaemon_task_results WHERE topic = ?")) {
            count.setString(1, TOPIC);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- the peer: BullMQ on the same Redis

    /**
     * The runtime's (b) next to BullMQ with as many no-op jobs, as many producers (one job at a
     * time each) and one Worker of concurrency 64, run right after (b) on the same redis-server. Runtime CPU counts the server,
     * Redis and PostgreSQL (the publishers are the benchmark JVM, left out); BullMQ's counts the node process (its
     * producers included) and Redis.
     */
    private void sideBySide(BenchmarkReport report, Throughput runtime, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter)
            throws Exception {
        double server = ProcessCpu.msPerUnit(cpuBefore, cpuAfter, "server", runtime.count());
        double redisCpu = ProcessCpu.msPerUnit(cpuBefore, cpuAfter, "Redis", runtime.count());
        double postgres = ProcessCpu.msPerUnit(cpuBefore, cpuAfter, "PostgreSQL", runtime.count());
        double jit = ProcessCpu.msPerUnit(cpuBefore, cpuAfter, ProcessCpu.SERVER_JIT, runtime.count());
        report.peer("Genesis runtime (b): publish script, consume, handler, finish + ack, state, SQL row",
                rate(runtime.perSecond(), "tasks") + incomplete(runtime),
                "server " + ms(server) + (Double.isNaN(jit) ? "" : " (of which its JIT compiler " + ms(jit) + ")") + ", Redis "
                        + ms(redisCpu) + ", PostgreSQL " + ms(postgres),
                ms(server + redisCpu + postgres));
        BullMqPeer.Outcome peer = new BullMqPeer(BULLMQ, Integer.getInteger("genesis.it.redis.port"), ProcessCpu.redisPidFile())
                .run(TASKS, PUBLISHERS, BULLMQ_CONCURRENCY, WARMUP_TASKS, (int) RUNTIME_LIMIT.toSeconds());
        if (peer.run().isEmpty()) {
            report.peer("BullMQ", "skipped: " + peer.skipped(), "", "");
            return;
        }
        BullMqPeer.Run bull = peer.run().get();
        double node = bull.cpuMsPerJob("node");
        double bullRedis = bull.cpuMsPerJob("Redis");
        report.peer("BullMQ " + bullMqVersion() + ": " + PUBLISHERS + " producers adding one job at a time, one Worker of concurrency "
                        + BULLMQ_CONCURRENCY + ", no-op processor, completed jobs kept (default)",
                rate(bull.perSecond(), "jobs") + (bull.complete() ? "" : " (INCOMPLETE: " + bull.jobs() + " done)"),
                "node " + ms(node) + ", Redis " + ms(bullRedis), ms(node + bullRedis));
        report.peer("runtime / BullMQ", String.format(Locale.ROOT, "%.2f x", runtime.perSecond() / bull.perSecond()), "",
                String.format(Locale.ROOT, "%.2f x", (server + redisCpu + postgres) / (node + bullRedis)));
    }

    private static String bullMqVersion() throws IOException {
        Path manifest = BULLMQ.resolve("node_modules").resolve("bullmq").resolve("package.json");
        Matcher version = Pattern.compile("\"version\":\\s*\"([^\"]+)\"").matcher(Files.readString(manifest));
        return version.find() ? version.group(1) : "?";
    }

    // ---------------------------------------------------------------- HTTP

    /**
     * {@code POST /api/tasks} at a fixed rate, open loop: sends go out on a timer whether or not replies came back.
     * First a closed-loop warm-up (the HTTP path is cold until now), then a one-second paced lead-in that is not measured.
     */
    private void httpLatency(BenchmarkReport report) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/tasks"))
                .header(Api.AUTHORIZATION, "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + TOPIC + "\",\"content\":{}}"))
                .build();
        long processedBefore = processed();
        int warmedUp = httpWarmup(http, request);
        awaitProcessed(processedBefore + warmedUp, System.nanoTime() + DRAIN_LIMIT.toNanos());

        int leadIn = HTTP_RATE;
        int total = leadIn + HTTP_RATE * PHASE_SECONDS;
        Samples latency = new Samples(total);
        Samples fromSchedule = new Samples(total);
        Semaphore inFlight = new Semaphore(HTTP_IN_FLIGHT);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        processedBefore = processed();
        Map<String, Long> cpuBefore = cpu.snapshot();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long hardStop = start + TimeUnit.SECONDS.toNanos(1 + PHASE_SECONDS) + PACING_OVERRUN.toNanos();
        long measuredFrom = 0;
        int sent = 0;
        for (int i = 0; i < total && System.nanoTime() < hardStop; i++) {
            long due = start + (long) (i * 1e9 / HTTP_RATE);
            parkUntil(due);
            boolean measured = i >= leadIn;
            if (i == leadIn) {
                measuredFrom = System.nanoTime();
            }
            if (!inFlight.tryAcquire()) {
                if (measured) {
                    skipped.incrementAndGet();
                }
                continue;
            }
            if (measured) {
                sent++;
            }
            long sentAt = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long end = System.nanoTime();
                inFlight.release();
                boolean ok = error == null && response.statusCode() == 202;
                if (ok) {
                    accepted.incrementAndGet();
                }
                if (measured) {
                    if (ok) {
                        latency.add(end - sentAt);
                        fromSchedule.add(end - due);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        long measuredFor = System.nanoTime() - measuredFrom;
        boolean replied = inFlight.tryAcquire(HTTP_IN_FLIGHT, DRAIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (replied) {
            inFlight.release(HTTP_IN_FLIGHT);
        }
        awaitProcessed(processedBefore + accepted.get(), System.nanoTime() + DRAIN_LIMIT.toNanos());
        Map<String, Long> cpuAfter = cpu.snapshot();
        report.result(String.format(Locale.ROOT, "HTTP POST /api/tasks at %d req/s open loop, %d s measured after a %d-request "
                        + "closed-loop warm-up and a 1 s lead-in (%d sent, %.0f req/s achieved)", HTTP_RATE, PHASE_SECONDS, warmedUp,
                        sent, sent * 1e9 / Math.max(1, measuredFor)),
                "p50 " + ms(latency.percentileMs(50)) + ", p99 " + ms(latency.percentileMs(99)) + ", p99.9 "
                        + ms(latency.percentileMs(99.9)) + ", max " + ms(latency.maxMs()) + "; errors " + errors.get()
                        + ", not sent (in-flight cap " + HTTP_IN_FLIGHT + ") " + skipped.get()
                        + (replied ? "" : "; some replies still missing after " + DRAIN_LIMIT.toSeconds() + " s"));
        report.result("HTTP latency measured from the scheduled send time (includes client-side delay)",
                "p50 " + ms(fromSchedule.percentileMs(50)) + ", p99 " + ms(fromSchedule.percentileMs(99)) + ", p99.9 "
                        + ms(fromSchedule.percentileMs(99.9)) + ", max " + ms(fromSchedule.maxMs()) + " (" + latency.count() + " replies)");
        report.result("HTTP CPU per accepted request incl. lead-in (the request, then the task it created; the benchmark JVM "
                + "is the HTTP client)", ProcessCpu.perUnit(cpuBefore, cpuAfter, accepted.get()));
    }

    /** Closed loop from the publisher threads, bounded by count and time; returns the requests the server accepted. */
    private int httpWarmup(HttpClient http, HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HTTP_WARMUP_SECONDS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        runOnPublishers(thread -> {
            while (next.getAndIncrement() < HTTP_WARMUP_REQUESTS && System.nanoTime() < deadline) {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                    accepted.incrementAndGet();
                }
            }
        });
        return accepted.get();
    }

    // ---------------------------------------------------------------- helpers

    private static void parkUntil(long deadlineNanos) {
        for (long wait = deadlineNanos - System.nanoTime(); wait > 0; wait = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static String incomplete(Throughput throughput) {
        return throughput.complete() ? "" : " (INCOMPLETE: a phase bound was hit, " + throughput.count() + " done)";
    }

    private static List<String> commandStatsPerTask(String info, long tasks) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-14s %10s %10s %14s", "command", "calls", "per task", "usec per call"));
        for (String line : info.split("\\R")) {
            Matcher m = COMMAND_STAT.matcher(line);
            if (m.find()) {
                long calls = Long.parseLong(m.group(2));
                lines.add(String.format(Locale.ROOT, "%-14s %10d %10.2f %14s", m.group(1), calls,
                        tasks == 0 ? Double.NaN : (double) calls / tasks, m.group(4)));
            }
        }
        return lines;
    }

    private static String infoField(String info, String field) {
        return info.lines().filter(line -> line.startsWith(field + ":")).map(line -> line.substring(field.length() + 1).trim())
                .findFirst().orElse("?");
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        }
    }
}
