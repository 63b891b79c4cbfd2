package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Genesis on a real Redis Cluster: three primaries with a replica each (the redis-server the build ships), formed on
 * loopback, and one more Genesis server (role all) with {@code redis.url=redis-cluster://...} beside the test server,
 * driven over HTTP: a task's lifecycle to its SQL row, retries into the dead-letter stream and the replay, a reply_to
 * chain, a business end to end (its agents notify the orchestrator through task_finished notices) to SUCCESS, then a
 * manual failover mid-run and last a primary killed mid-run. Every script call touches one hash slot, or the cluster would refuse it (CROSSSLOT) and
 * the tasks would never finish.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {

    private static final Duration QUICK = Duration.ofSeconds(30);
    private static LocalRedisCluster cluster;
    private static WorkerFleet server;
    private static RedisClusterClient redis;
    private static String base;

    @BeforeAll
    static void start() {
        Await.ready();
        int basePort = Integer.getInteger("genesis.it.cluster.base-port", Integer.getInteger("genesis.it.redis.port") / 1000 * 1000 + 700);
        cluster = LocalRedisCluster.start(3, basePort);
        redis = RedisClusterClient.create(cluster.primaries().stream().map(LocalRedisCluster.Node::address).collect(Collectors.toSet()));
        server = WorkerFleet.start(1, Map.of("redis.url", cluster.url(), "genesis.role", "all"));
        base = "http://127.0.0.1:" + server.members().get(0).httpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aTaskRunsToItsSqlRowWithItsTopicKeysInOneSlotAndTopicsSpreadOverThePrimaries() throws SQLException {
        String taskId = publish("{\"topic\":\"genesis.qa\",\"content\":{\"spec\":\"cluster\"}}");
        JsonObject done = awaitStatus(taskId, "completed");
        assertEquals("qa_agent", done.getString("agent"));
        Await.until("SQL row of " + taskId, QUICK, () -> count("SELECT COUNT(*) FROM omnidaemon_task_results WHERE task_id = ?", taskId),
                n -> n == 1);
        assertTrue(redis.exists("omni:task:{genesis.qa}:" + taskId), "the state lives in the topic's slot");
        assertEquals(JedisClusterCRC16.getSlot("omni-stream:{genesis.qa}"), JedisClusterCRC16.getSlot("omni:task:{genesis.qa}:" + taskId));

        Set<Integer> primariesWithStreams = new HashSet<>();
        for (LocalRedisCluster.Node primary : cluster.primaries()) {
            try (Jedis node = new Jedis(primary.address())) {
                if (!node.keys("omni-stream:*").isEmpty()) {
                    primariesWithStreams.add(primary.port());
                }
            }
        }
        assertTrue(primariesWithStreams.size() > 1, "topic streams are spread over the primaries: " + primariesWithStreams);
        JsonObject streams = get("/api/bus/streams").json();
        assertTrue(streams.toString().contains("omni-stream:{genesis.qa}"), "the operator's stream view reads the cluster: " + streams);
        assertEquals(200, get("/api/runtime").status(), "the runtime overview reads the cluster");
    }

    @Test
    void retriesEndInTheDeadLetterStreamAndTheReplayRunsTheTaskAgainKeepingItsHistory() {
        String taskId = publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_times\":4}}}");
        JsonObject dead = awaitStatus(taskId, "dead_lettered");
        assertEquals(4, dead.getInt("attempts"), "qa_agent has max-retries 3");
        assertEquals(4, dead.getJsonArray("history").size());
        assertTrue(redis.xrange("omni-dlq:{genesis.qa}", "-", "+").stream()
                .anyMatch(entry -> entry.getFields().get("data").contains(taskId)), "dead letter in the topic's DLQ");

        Api.Reply replay = send("POST", "/api/bus/dlq/genesis.qa/replay", "");
        assertEquals(200, replay.status(), replay.body());
        assertTrue(replay.json().getJsonArray("task_ids").toString().contains(taskId), replay.body());
        // the replayed task runs again from attempt 1 (and fails its four attempts again: the simulation counts them)
        JsonObject rerun = Await.until("replayed " + taskId + " dead-lettered again", QUICK, () -> get("/api/tasks/" + taskId).json(),
                state -> "dead_lettered".equals(state.getString("status", null)) && state.getJsonArray("history").size() == 8);
        assertEquals(4, rerun.getInt("attempts"));
    }

    @Test
    void aReplyToChainCrossesTopicsAndSlots() {
        String parent = publish("{\"topic\":\"genesis.spec\",\"content\":{\"idea\":\"cluster\"},\"reply_to\":\"genesis.architect\","
                + "\"correlation_id\":\"cluster-chain\"}");
        awaitStatus(parent, "completed");
        String child = Await.until("child of " + parent, QUICK,
                () -> text("SELECT task_id FROM omnidaemon_task_results WHERE causation_id = ? AND status = 'success'", parent),
                id -> id != null);
        JsonObject childState = get("/api/tasks/" + child).json();
        assertEquals("architect_agent", childState.getString("agent"));
        assertEquals("cluster-chain", childState.getString("correlation_id"));
        assertTrue(JedisClusterCRC16.getSlot("{genesis.spec}") != JedisClusterCRC16.getSlot("{genesis.architect}"),
                "the chain really crosses hash slots");
    }

    @Test
    void aBusinessRunsEndToEndThroughNoticesToSuccess() {
        Api.Reply created = send("POST", "/api/businesses", "{\"business_type\":\"landing_page_waitlist\"}");
        assertEquals(202, created.status(), created.body());
        String id = created.json().getString("business_id");
        JsonObject business = Await.until("business " + id + " terminal", Duration.ofSeconds(120),
                () -> get("/api/businesses/" + id).json(), b -> Businesses.TERMINAL.contains(b.getString("status")));
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        assertNotNull(business.getString("deployment_url"));
        assertTrue(count("SELECT COUNT(*) FROM omnidaemon_task_results WHERE business_id = ? AND topic = 'genesis.meta.orchestrate'", id) > 0,
                "the orchestrator ran on task_finished notices");
    }

    /**
     * A coordinated manual failover ({@code CLUSTER FAILOVER} on the replica) of the primary that holds a topic's slot,
     * while a batch of that topic's tasks is running: nothing acknowledged is lost, so every accepted task (those
     * published before, during and after the failover) completes exactly once (one SQL row each, the topic's
     * {@code processed} count up by exactly the batch) and the server keeps working without a restart.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aManualFailoverMidRunLosesNothingAndEveryAcceptedTaskCompletesExactlyOnce() {
        String topic = "genesis.support";
        String metrics = "omni:metrics:{" + topic + "}";
        long processedBefore = processed(metrics);
        LocalRedisCluster.Node primary = cluster.primaryOf("omni-stream:{" + topic + "}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(publish("{\"topic\":\"" + topic + "\",\"content\":{\"n\":" + i + ",\"simulate\":{\"latency_ms\":500}}}"));
        }
        Await.until("the batch running", QUICK, () -> get("/api/tasks/" + ids.get(0)).json(),
                state -> !"queued".equals(state.getString("status", null)));

        LocalRedisCluster.Node promoted = cluster.failover(primary);
        assertEquals(promoted, cluster.primaryOf("omni-stream:{" + topic + "}"));
        for (int i = 16; i < 20; i++) {
            ids.add(publish("{\"topic\":\"" + topic + "\",\"content\":{\"n\":" + i + "}}"));
        }

        for (String id : ids) {
            awaitStatus(id, "completed");
        }
        Await.until("every row written", QUICK, () -> count("SELECT COUNT(*) FROM omnidaemon_task_results WHERE task_id = ANY (string_to_array(?, ','))",
                String.join(",", ids)), n -> n == ids.size());
        assertEquals(ids.size(), processed(metrics) - processedBefore, "each task finished once, none lost, none twice");
        assertEquals(200, get("/health/ready").status(), "ready without a restart");
    }

    /**
     * A primary with a replica is killed (SIGKILL) while tasks of a topic it serves are running: its replica is promoted
     * and every task the API accepted completes. The tasks are published and replicated before the kill (the replica's
     * offset has caught up): what Redis's asynchronous replication can lose is the writes of the moment before a crash
     * (docs/runtime.md, "What a failover can lose"); here those are begins, acks and finishes, which the runtime repairs
     * by delivering the task again.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPrimaryKilledMidRunFailsOverToItsReplicaAndEveryAcceptedTaskCompletes() {
        String topic = "genesis.email";
        LocalRedisCluster.Node primary = cluster.primaryOf("omni-stream:{" + topic + "}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(publish("{\"topic\":\"" + topic + "\",\"content\":{\"n\":" + i + ",\"simulate\":{\"latency_ms\":1500}}}"));
        }
        // the publishes are on the replica; what runs now (begins, acks, finishes: 4 handlers of 1.5 s at a time) is not
        cluster.awaitReplicasInSync(primary);

        cluster.kill9(primary);
        LocalRedisCluster.Node promoted = cluster.awaitFailover(primary);
        assertTrue(promoted.port() != primary.port());

        for (String id : ids) {
            Await.until("task " + id + " completed after the failover", Duration.ofSeconds(60), () -> get("/api/tasks/" + id),
                    reply -> reply.status() == 200 && "completed".equals(reply.json().getString("status", null)));
        }
        Await.until("every row written", QUICK, () -> count("SELECT COUNT(*) FROM omnidaemon_task_results WHERE task_id = ANY (string_to_array(?, ','))",
                String.join(",", ids)), n -> n == ids.size());
    }

    /** The topic's count of completed tasks (finish.lua adds to it only when it records a finish). */
    private static long processed(String metrics) {
        String value = redis.hget(metrics, "processed");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String publish(String json) {
        Api.Reply reply = send("POST", "/api/tasks", json);
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("task_id");
    }

    private static JsonObject awaitStatus(String taskId, String status) {
        return Await.until("task " + taskId + " " + status, QUICK, () -> get("/api/tasks/" + taskId).json(),
                state -> status.equals(state.getString("status", null)));
    }

    private static Api.Reply get(String path) {
        return Api.send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    private static Api.Reply send(String method, String path, String json) {
        return Api.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)), Map.of());
    }

    private static long count(String sql, String parameter) {
        String value = text(sql, parameter);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String sql, String parameter) {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
