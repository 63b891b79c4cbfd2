package io.genesis.it;

import io.genesis.it.OtlpReceiver.Received;
import io.genesis.it.WebhookReceiver.Answer;
import io.genesis.it.WebhookReceiver.Call;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace per business, as Liberty's own OTLP exporter sends it: the IT server and one extra worker server export
 * spans (OTLP/HTTP protobuf, pom.xml {@code it.otlp.port}) to a receiver this test starts on loopback. The business is
 * created under a caller's {@code traceparent}; every hop (HTTP intake, publish, process, handler, notice, next task)
 * must be in that one trace with each span's parent in it, across both servers.
 */
class TracingIT {

    private static final String IT_WORKER = "it-worker-1";
    private static final int MAX_BUSINESSES = 4;
    private static final Duration BUSINESS_DEADLINE = Duration.ofSeconds(150);
    private static final Duration EXPORT_DEADLINE = Duration.ofSeconds(60);
    /** The first IT of a run may meet the server still starting on a busy machine. */
    private static final Duration SERVER_DEADLINE = Duration.ofSeconds(300);
    private static final List<String> PROCESS_ATTRIBUTES = List.of("messaging.system", "messaging.operation.type",
            "messaging.destination.name", "messaging.message.id", "messaging.consumer.group.name", "genesis.task.id",
            "genesis.agent", "genesis.tenant.id", "genesis.attempt", "genesis.worker.id", "genesis.task.status");

    private static OtlpReceiver otlp;
    private static WorkerFleet fleet;

    @BeforeAll
    static void aSecondServer() {
        Await.until("readiness UP", SERVER_DEADLINE, () -> Api.get("/health/ready"), reply -> reply.status() == 200);
        otlp = ItServices.otlp();
        fleet = WorkerFleet.start(1);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aBusinessIsOneTraceFromIntakeThroughEveryTaskAcrossTwoWorkerServers() {
        Set<String> workers = Set.of();
        for (int n = 1; n <= MAX_BUSINESSES && workers.size() < 2; n++) {
            // more than one business only when every task of the first happened to run on one server
            String traceId = hex(16);
            String callerSpan = hex(8);
            otlp.watch(traceId);
            String businessId = Businesses.create("{\"business_type\":\"content_website\"}",
                    Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
            otlp.watch(businessId);
            JsonObject business = Businesses.awaitTerminal(businessId, BUSINESS_DEADLINE);
            assertEquals("SUCCESS", business.getString("status"), business.toString());
            Set<String> dagTasks = business.getJsonArray("task_results").stream().map(JsonValue::asJsonObject)
                    .map(t -> t.getString("runtime_task_id")).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(dagTasks.size() >= 3, "a DAG of several tasks: " + dagTasks);

            List<Received> trace = Await.until("the whole trace of " + businessId + " exported", EXPORT_DEADLINE,
                    () -> inTrace(traceId), spans -> problems(spans, businessId, callerSpan, dagTasks).isEmpty());
            assertEquals(List.of(), problems(trace, businessId, callerSpan, dagTasks));
            // (a repeated publish that wrote nothing, such as the stalled-business sweep's, may start its own trace)
            assertEquals(List.of(), otlp.spans().stream().filter(s -> businessId.equals(s.attribute("genesis.business.id")))
                    .filter(s -> !s.traceId().equals(traceId) && s.attribute("genesis.publish.duplicate") == null).toList(),
                    "no span of the business outside its trace");
            assertEquals(Set.of(traceId), Await.until("result rows of " + businessId, EXPORT_DEADLINE,
                    () -> storedTraceIds(businessId), ids -> !ids.isEmpty()), "every result row of the business names its trace");
            workers = trace.stream().filter(s -> s.kind().equals("CONSUMER")).map(s -> s.attribute("genesis.worker.id"))
                    .collect(Collectors.toCollection(TreeSet::new));
            logLinesNameTheTrace(businessId, dagTasks, traceId);
        }
        assertEquals(new TreeSet<>(Set.of(IT_WORKER, fleet.members().get(0).workerId())), workers,
                "spans of one business from both servers");
        assertEquals(List.of(), otlp.refused(), "every export was OTLP/HTTP protobuf on /v1/traces");
        assertEquals(Set.of("genesis-it"), otlp.spans().stream().map(s -> s.resource().get("service.name")).collect(Collectors.toSet()));
    }

    @Test
    void aTaskRetriedIntoTheDeadLetterQueueIsOneTraceUpToItsWebhookAndItsLogLineNamesTheTrace() throws IOException {
        String traceId = hex(16);
        String callerSpan = hex(8);
        otlp.watch(traceId);
        try (WebhookReceiver receivers = WebhookReceiver.start()) {
            WebhookReceiver.Endpoint hook = receivers.endpoint(List.of(Answer.of(200)));
            String taskId = Tasks.publish(Json.createObjectBuilder().add("topic", "genesis.qa")
                    .add("content", Json.createObjectBuilder().add("simulate", Json.createObjectBuilder().add("fail_permanently", true)))
                    .add("webhook", hook.url).build().toString(), Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
            JsonObject dead = Tasks.awaitStatus(taskId, "dead_lettered", Duration.ofSeconds(60));
            int attempts = dead.getInt("attempts");
            Call call = hook.awaitCalls(1).get(0);
            String received = call.header("traceparent");
            assertNotNull(received, "the webhook request carries a traceparent");

            List<Received> trace = Await.until("the task's spans exported", EXPORT_DEADLINE, () -> inTrace(traceId),
                    spans -> spans.stream().filter(s -> s.kind().equals("CONSUMER")).count() == attempts
                            && spans.stream().anyMatch(s -> s.name().equals("webhook POST")));
            Map<String, Received> byId = trace.stream().collect(Collectors.toMap(Received::spanId, Function.identity()));
            Received producer = only(trace, s -> s.kind().equals("PRODUCER") && taskId.equals(s.attribute("genesis.task.id")));
            Received server = byId.get(producer.parentSpanId());
            assertNotNull(server, "the publish is a child of the HTTP request's span");
            assertEquals("SERVER", server.kind());
            assertEquals(callerSpan, server.parentSpanId(), "the HTTP request continues the caller's traceparent");

            List<Received> processing = trace.stream().filter(s -> s.kind().equals("CONSUMER")).toList();
            assertEquals(attempts, processing.size());
            for (Received attempt : processing) {
                assertEquals(producer.spanId(), attempt.parentSpanId(), "every attempt is a child of the task's publish: " + attempt);
                assertEquals("ERROR", attempt.statusCode().replace("STATUS_CODE_", ""), attempt.toString());
            }
            assertEquals(attempts - 1, processing.stream().filter(s -> "retry_scheduled".equals(s.attribute("genesis.task.status"))).count());
            Received last = only(processing, s -> "dead_lettered".equals(s.attribute("genesis.task.status")));
            assertEquals(String.valueOf(attempts), last.attribute("genesis.attempt"));

            Received webhook = only(trace, s -> s.name().equals("webhook POST"));
            assertEquals("CLIENT", webhook.kind());
            assertEquals(last.spanId(), webhook.parentSpanId(), "the webhook is sent for the attempt that finished the task");
            assertEquals("200", webhook.attribute("http.response.status_code"));
            assertEquals("00-" + traceId + "-" + webhook.spanId() + "-01", received, "the receiver can continue the trace");

            Path log = serverLog(dead.getString("worker_id"));
            Await.until("a dead-letter log line naming trace " + traceId + " in " + log, Duration.ofSeconds(30),
                    () -> ServerLog.lines(log).stream().filter(line -> line.contains(taskId) && line.contains("dead-lettered")).toList(),
                    lines -> lines.stream().anyMatch(line -> line.contains("trace_id=" + traceId)));
        }
    }

    /**
     * What an operator finds in the servers' messages.log: every line that names the business or one of its tasks ends
     * with the trace id the OTLP receiver saw, and the lines written while a task ran also name that task.
     */
    private static void logLinesNameTheTrace(String businessId, Set<String> dagTasks, String traceId) {
        List<Path> logs = new ArrayList<>();
        logs.add(serverLog(IT_WORKER));
        fleet.members().forEach(member -> logs.add(serverLog(member.workerId())));
        List<String> lines = logs.stream().flatMap(log -> ServerLog.lines(log).stream())
                .filter(line -> line.contains(businessId) || dagTasks.stream().anyMatch(line::contains)).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("Business " + businessId + " requested")), "intake's line: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("Business " + businessId + " SUCCESS")), "the outcome's line: " + lines);
        assertEquals(List.of(), lines.stream().filter(line -> !line.contains("[trace_id=" + traceId)).toList(),
                "lines of " + businessId + " without its trace id " + traceId);
        assertTrue(lines.stream().anyMatch(line -> dagTasks.stream().anyMatch(task -> line.contains("task_id=" + task + "]"))),
                "a line written while one of the business's tasks ran names that task: " + lines);
    }

    /** What is wrong with the exported trace of a business (empty when every link is right). */
    private static List<String> problems(List<Received> trace, String businessId, String callerSpan, Set<String> dagTasks) {
        List<String> problems = new ArrayList<>();
        Map<String, Received> byId = trace.stream().collect(Collectors.toMap(Received::spanId, Function.identity(), (a, b) -> a));
        List<Received> roots = trace.stream().filter(s -> !byId.containsKey(s.parentSpanId())).toList();
        if (roots.size() != 1 || !roots.get(0).parentSpanId().equals(callerSpan) || !roots.get(0).kind().equals("SERVER")) {
            problems.add("one root, the intake request's SERVER span under the caller's span; roots: " + roots);
        }
        List<Received> processing = trace.stream().filter(s -> s.kind().equals("CONSUMER")).toList();
        Set<String> processed = processing.stream().filter(s -> "completed".equals(s.attribute("genesis.task.status")))
                .map(s -> s.attribute("genesis.task.id")).collect(Collectors.toSet());
        dagTasks.stream().filter(task -> !processed.contains(task)).forEach(task -> problems.add("no completed processing of " + task));
        for (Received attempt : processing) {
            Received parent = byId.get(attempt.parentSpanId());
            if (parent == null || !parent.kind().equals("PRODUCER")
                    || !attempt.attribute("genesis.task.id").equals(parent.attribute("genesis.task.id"))) {
                problems.add("processing whose parent is not its task's publish: " + attempt + " <- " + parent);
            }
            PROCESS_ATTRIBUTES.stream().filter(key -> attempt.attribute(key) == null)
                    .forEach(key -> problems.add("no " + key + " on " + attempt));
            if (!businessId.equals(attempt.attribute("genesis.business.id"))) {
                problems.add("processing without the business id: " + attempt);
            }
            if (trace.stream().noneMatch(s -> s.parentSpanId().equals(attempt.spanId()) && s.name().startsWith("handle "))) {
                problems.add("no handler span under " + attempt);
            }
        }
        for (Received publish : trace.stream().filter(s -> s.kind().equals("PRODUCER")).toList()) {
            Received ancestor = byId.get(publish.parentSpanId());
            while (ancestor != null && !ancestor.kind().equals("CONSUMER") && !ancestor.kind().equals("SERVER")) {
                ancestor = byId.get(ancestor.parentSpanId());
            }
            boolean fromIntake = ancestor != null && ancestor.kind().equals("SERVER") && roots.contains(ancestor);
            boolean fromProcessing = ancestor != null && ancestor.kind().equals("CONSUMER")
                    && !ancestor.attribute("genesis.task.id").equals(publish.attribute("genesis.task.id"));
            if (!fromIntake && !fromProcessing) {
                problems.add("a publish that descends from neither the intake nor another task's processing: " + publish);
            }
        }
        if (trace.stream().filter(s -> s.kind().equals("PRODUCER")).noneMatch(s -> s.attribute("genesis.notice.task_id") != null)) {
            problems.add("no task_finished notice published");
        }
        return problems;
    }

    private static List<Received> inTrace(String traceId) {
        return otlp.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static Received only(List<Received> spans, java.util.function.Predicate<Received> which) {
        List<Received> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), "exactly one such span in " + spans);
        return found.get(0);
    }

    private static Set<String> storedTraceIds(String businessId) {
        Set<String> ids = new TreeSet<>();
        try (Connection db = Database.connect();
             PreparedStatement rows = db.prepareStatement("SELECT traceparent FROM omnidaemon_task_results WHERE business_id = ?")) {
            rows.setString(1, businessId);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1) == null ? "(none)" : rs.getString(1).substring(3, 35));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The messages.log of the server whose worker id is {@code workerId}. */
    private static Path serverLog(String workerId) {
        return workerId.equals(IT_WORKER) ? ServerLog.itServer()
                : ServerLog.of(fleet.members().stream().filter(m -> m.workerId().equals(workerId)).findFirst().orElseThrow().serverName());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
