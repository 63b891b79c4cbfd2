package io.genesis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server on loopback for the integration tests: S3Proxy (Maven Central {@code org.gaul:s3proxy},
 * its self-contained jar copied to {@code target/it-s3} by the build) run as its own process with its filesystem
 * backend, so each bucket is a directory and each object a file the test can read without going through Genesis.
 * Requests must carry a valid AWS Signature Version 4 for {@link #ACCESS_KEY} / {@link #SECRET_KEY} (test-only keys).
 */
final class S3ProxyServer implements AutoCloseable {

    // TEST-ONLY credentials of the throwaway S3Proxy the integration tests start on loopback; no production
    // configuration reads them (production keys come from GENESIS_SITES_S3_ACCESS_KEY / _SECRET_KEY, i.e. a Secret)
    static final String ACCESS_KEY = "genesis-it-access";
    static final String SECRET_KEY = "genesis-it-secret-not-a-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir = Path.of(System.getProperty("genesis.it.s3.dir", "target/it-s3"));
    private final Path data = dir.resolve("data");
    private final int port;
    private Process process;

    private S3ProxyServer(int port) {
        this.port = port;
    }

    /** Launches the server with empty {@code buckets} (directories) on {@code port}; {@link #awaitUp} waits for it. */
    static S3ProxyServer launch(int port, String... buckets) {
        S3ProxyServer server = new S3ProxyServer(port);
        try {
            WorkerFleet.delete(server.data);
            for (String bucket : buckets) {
                Files.createDirectories(server.data.resolve(bucket));
            }
            Files.writeString(server.dir.resolve("s3proxy.properties"), String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + server.data.toAbsolutePath(),
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
        return server;
    }

    /** Starts the process again (after {@link #stop}), on the same port and data. */
    void start() {
        try {
            // C1 only: a test store that lives a minute starts on about half the CPU without the C2 compiler
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-jar", dir.resolve("s3proxy.jar").toString(), "--properties", dir.resolve("s3proxy.properties").toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start (is target/it-s3/s3proxy.jar there? run through mvn verify)", e);
        }
    }

    /** Waits (bounded) until the server accepts connections. */
    S3ProxyServer awaitUp() {
        Await.until("S3Proxy on port " + port, START_TIMEOUT, this::accepting, up -> up || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + "; see " + dir.resolve("s3proxy.log"));
        }
        return this;
    }

    /** Stops the process (the store goes away; its files stay). */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The file S3Proxy keeps an object in. */
    Path object(String bucket, String key) {
        return data.resolve(bucket).resolve(key);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
