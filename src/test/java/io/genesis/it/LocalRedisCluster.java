package io.genesis.it;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster on loopback: {@code primaries} redis-server processes (the binary the build already ships with
 * embedded-redis) each with one replica, formed with CLUSTER MEET / ADDSLOTS / REPLICATE over Jedis (no redis-cli), and
 * ready once every node reports {@code cluster_state:ok}. Node n listens on {@code basePort + n} and, as Redis 6.2
 * requires, on {@code basePort + n + 10000} for the cluster bus. Files live under {@code target/it-cluster}.
 */
final class LocalRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    /** One redis-server of the cluster. */
    record Node(int port, Process process, boolean primary) {
        HostAndPort address() {
            return new HostAndPort("127.0.0.1", port);
        }
    }

    private LocalRedisCluster(Path dir) {
        this.dir = dir;
    }

    static LocalRedisCluster start(int primaries, int basePort) {
        LocalRedisCluster cluster = new LocalRedisCluster(Path.of(System.getProperty("genesis.it.services-dir", "target/it-services"))
                .resolveSibling("it-cluster"));
        try {
            Path binary = cluster.binary();
            for (int n = 1; n <= 2 * primaries; n++) {
                cluster.nodes.add(cluster.launch(binary, basePort + n, n <= primaries));
            }
            cluster.form(primaries);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://} URL naming every primary as a seed node. */
    String url() {
        return "redis-cluster://" + primaries().stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    List<Node> primaries() {
        return nodes.stream().filter(Node::primary).toList();
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    private Path binary() {
        try {
            Path work = Files.createDirectories(dir);
            Path binary = ExecutableProvider.newJarResourceProvider(work.toFile()).get().toPath();
            if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + binary + " executable");
            }
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node launch(Path binary, int port, boolean primary) {
        try {
            Path work = dir.resolve(String.valueOf(port));
            if (Files.exists(work)) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
                }
            }
            Files.createDirectories(work);
            Process process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", work.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("redis.log").toFile()))
                    .start();
            Await.until("redis-server on " + port, Duration.ofSeconds(20), () -> ping(port), "PONG"::equals);
            return new Node(port, process, primary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void form(int primaries) {
        int first = nodes.get(0).port();
        for (Node node : nodes.subList(1, nodes.size())) {
            try (Jedis jedis = new Jedis(node.address())) {
                jedis.clusterMeet("127.0.0.1", first);
            }
        }
        for (int i = 0; i < primaries; i++) {
            int from = i * SLOTS / primaries;
            int to = (i + 1) * SLOTS / primaries;
            try (Jedis jedis = new Jedis(nodes.get(i).address())) {
                jedis.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        for (Node node : nodes) {
            Await.until("node " + node.port() + " knows all " + nodes.size() + " nodes", Duration.ofSeconds(30),
                    () -> known(node), n -> n == nodes.size());
        }
        for (int i = 0; i < primaries; i++) {
            String primaryId = id(nodes.get(i));
            try (Jedis jedis = new Jedis(nodes.get(primaries + i).address())) {
                jedis.clusterReplicate(primaryId);
            }
        }
        for (Node node : nodes) {
            Await.until("cluster_state:ok on " + node.port(), Duration.ofSeconds(30), () -> info(node), i -> i.contains("cluster_state:ok"));
        }
        for (Node replica : nodes.subList(primaries, nodes.size())) {
            Await.until("replica " + replica.port() + " in sync", Duration.ofSeconds(30),
                    () -> replication(replica), r -> r.contains("master_link_status:up"));
        }
    }

    /** The primary whose slots hold {@code key} (the cluster was formed with even slot ranges in node order). */
    Node primaryOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        List<Node> primaries = primaries();
        return primaries.get(slot * primaries.size() / SLOTS);
    }

    /** Waits until the replica of {@code primary} has every write the primary had when this was called. */
    void awaitReplicasInSync(Node primary) {
        long offset = field(replication(primary), "master_repl_offset");
        Node replica = replicaOf(primary);
        Await.until("replica " + replica.port() + " at offset " + offset, Duration.ofSeconds(30),
                () -> field(replication(replica), "slave_repl_offset"), at -> at >= offset);
    }

    /** Waits until the replica of the killed {@code primary} has been promoted and the cluster is whole again. */
    Node awaitFailover(Node primary) {
        Node replica = replicaOf(primary);
        Await.until("replica " + replica.port() + " promoted", Duration.ofSeconds(60), () -> replication(replica),
                r -> r.contains("role:master"));
        Await.until("cluster_state:ok on " + replica.port(), Duration.ofSeconds(60), () -> info(replica),
                i -> i.contains("cluster_state:ok"));
        return replica;
    }

    /**
     * A coordinated manual failover ({@code CLUSTER FAILOVER} sent to the replica of {@code primary}): the primary stops
     * taking writes, the replica catches up with its replication stream, then takes its slots over, so no acknowledged
     * write is lost. Returns the promoted replica once every node sees the cluster whole; from then on it is the primary
     * of those slots here too, and {@code primary} its replica.
     */
    Node failover(Node primary) {
        Node replica = replicaOf(primary);
        try (Jedis jedis = new Jedis(replica.address())) {
            jedis.clusterFailover();
        }
        Await.until("replica " + replica.port() + " promoted", Duration.ofSeconds(30), () -> replication(replica),
                r -> r.contains("role:master"));
        Await.until("node " + primary.port() + " follows " + replica.port(), Duration.ofSeconds(30), () -> replication(primary),
                r -> r.contains("role:slave") && r.contains("master_port:" + replica.port()) && r.contains("master_link_status:up"));
        for (Node node : nodes) {
            Await.until("cluster_state:ok on " + node.port(), Duration.ofSeconds(30), () -> info(node), i -> i.contains("cluster_state:ok"));
        }
        Node promoted = new Node(replica.port(), replica.process(), true);
        nodes.set(nodes.indexOf(primary), promoted);
        nodes.set(nodes.indexOf(replica), new Node(primary.port(), primary.process(), false));
        return promoted;
    }

    private Node replicaOf(Node primary) {
        int index = nodes.indexOf(primary);
        return nodes.get(index + primaries().size());
    }

    private static long field(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":")).map(line -> Long.parseLong(line.substring(name.length() + 1).strip()))
                .findFirst().orElse(-1L);
    }

    /** SIGKILL of one node: no shutdown, whatever it had not replicated yet is gone with it. */
    void kill9(Node node) {
        node.process().destroyForcibly();
        try {
            node.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String id(Node node) {
        try (Jedis jedis = new Jedis(node.address())) {
            return jedis.clusterMyId();
        }
    }

    private static long known(Node node) {
        try (Jedis jedis = new Jedis(node.address())) {
            return jedis.clusterNodes().lines().filter(line -> !line.contains("handshake") && !line.isBlank()).count();
        }
    }

    private static String info(Node node) {
        try (Jedis jedis = new Jedis(node.address())) {
            return jedis.clusterInfo();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String replication(Node node) {
        try (Jedis jedis = new Jedis(node.address())) {
            return jedis.info("replication");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String ping(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return jedis.ping();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            try {
                if (!node.process().waitFor(10, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.process().destroyForcibly();
            }
        }
    }
}
