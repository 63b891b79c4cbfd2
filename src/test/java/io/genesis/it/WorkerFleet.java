package io.genesis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More Genesis servers beside the test server, on the same Liberty install, Redis and PostgreSQL: each is a copy of the
 * test server's directory (its WAR, libraries and configuration) with its own HTTP ports, its own worker id
 * ({@code it-fleet-<n>}) and {@code genesis.role=worker} (or other system properties of the caller's choice), started and stopped with Liberty's own {@code bin/server}
 * script, and killable with SIGKILL (the {@code kill -9} of a crashed worker). Used by the scaling and chaos harnesses.
 */
public final class WorkerFleet implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Deadline of one {@code bin/server} call (a busy 2-core machine has taken over 3 minutes to start one). */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(360);

    private final Path wlp = Path.of(System.getProperty("genesis.it.wlp-dir"));
    private final String template = System.getProperty("genesis.it.server-name");
    private final List<Member> members = new ArrayList<>();

    /** One started server of the fleet. */
    public record Member(String serverName, String workerId, int httpPort) {
    }

    /** Copies and starts {@code count} worker servers, then waits until each is ready (bounded). */
    public static WorkerFleet start(int count) {
        return start(count, Map.of("genesis.role", "worker"));
    }

    /**
     * Copies and starts {@code count} servers with the given system properties set (replacing the test server's value
     * of the same name, e.g. {@code redis.url} or {@code genesis.role}), then waits until each is ready (bounded).
     */
    public static WorkerFleet start(int count, Map<String, String> properties) {
        WorkerFleet fleet = new WorkerFleet();
        int base = URI.create(Api.BASE).getPort() + 100;
        try {
            for (int n = 1; n <= count; n++) {
                fleet.members.add(fleet.create("-fleet" + n, "it-fleet-" + n, base + 2 * n, base + 2 * n + 1, properties, Map.of()));
            }
            return fleet.startAll();
        } catch (RuntimeException | Error e) {
            fleet.close();
            throw e;
        }
    }

    /**
     * One more server ({@code <test server>-<suffix>}, worker id {@code it-<suffix>}, of the test server's role unless
     * the properties say otherwise) on the given ports, with the given system properties and {@code server.env}
     * variables, started and ready (bounded).
     */
    public static WorkerFleet startServer(String suffix, int httpPort, int httpsPort, Map<String, String> properties,
                                          Map<String, String> env) {
        WorkerFleet fleet = new WorkerFleet();
        try {
            fleet.members.add(fleet.create("-" + suffix, "it-" + suffix, httpPort, httpsPort, properties, env));
            return fleet.startAll();
        } catch (RuntimeException | Error e) {
            fleet.close();
            throw e;
        }
    }

    private WorkerFleet startAll() {
        Instant start = Instant.now();
        for (Member member : members) {
            server("start", member.serverName());
        }
        for (Member member : members) {
            awaitReady(member);
            System.out.printf("WorkerFleet: %s ready %d ms after its start%n", member.serverName(), millisSince(start));
        }
        return this;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    /** SIGKILL of the member's JVM: no shutdown hook, no drain, its in-flight deliveries stay pending in Redis. */
    public void kill9(Member member) {
        Path pidFile = wlp.resolve("usr/servers/.pid/" + member.serverName() + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
            assertTrue(process.destroyForcibly(), "SIGKILL sent to " + member.serverName());
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + member.serverName(), e);
        }
    }

    /** Stops every member still running and deletes the copies. */
    @Override
    public void close() {
        Instant start = Instant.now();
        for (Member member : members) {
            try {
                server("stop", member.serverName());
            } catch (RuntimeException | AssertionError e) {
                // a killed member has nothing to stop
            }
            delete(wlp.resolve("usr/servers/" + member.serverName()));
        }
        System.out.printf("WorkerFleet: %d server(s) stopped and removed in %d ms%n", members.size(), millisSince(start));
    }

    private Member create(String suffix, String workerId, int httpPort, int httpsPort, Map<String, String> properties,
                          Map<String, String> env) {
        String name = template + suffix;
        Path source = wlp.resolve("usr/servers/" + template);
        Path target = wlp.resolve("usr/servers/" + name);
        delete(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                String top = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (top.equals("logs") || top.equals("workarea") || top.equals("tranlog")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            Path bootstrap = target.resolve("bootstrap.properties");
            Files.writeString(bootstrap, Files.readString(bootstrap)
                    .replaceAll("(?m)^default\\.http\\.port=.*$", "default.http.port=" + httpPort)
                    .replaceAll("(?m)^default\\.https\\.port=.*$", "default.https.port=" + httpsPort));
            Path jvm = target.resolve("jvm.options");
            Map<String, String> set = new LinkedHashMap<>(properties);
            set.put("genesis.worker-id", workerId);
            String options = Files.readString(jvm);
            for (Map.Entry<String, String> property : set.entrySet()) {
                String line = "-D" + property.getKey() + "=" + property.getValue();
                Pattern existing = Pattern.compile("(?m)^-D" + Pattern.quote(property.getKey()) + "=.*$");
                options = existing.matcher(options).find() ? existing.matcher(options).replaceAll(Matcher.quoteReplacement(line))
                        : options + "\n" + line + "\n";
            }
            Files.writeString(jvm, options);
            Path serverEnv = target.resolve("server.env");
            StringBuilder variables = new StringBuilder(Files.exists(serverEnv) ? Files.readString(serverEnv) : "");
            env.forEach((variable, value) -> variables.append('\n').append(variable).append('=').append(value));
            Files.writeString(serverEnv, variables.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Member(name, workerId, httpPort);
    }

    private static void awaitReady(Member member) {
        // a copy starts its application in ~20 s on a quiet machine, minutes on a busy one
        Await.until(member.serverName() + " ready", Duration.ofSeconds(420), () -> readiness(member), status -> status == 200);
    }

    private static int readiness(Member member) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + member.httpPort() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void server(String action, String name) {
        try {
            Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "server " + action + " " + name + " finished");
            assertEquals(0, process.exitValue(), "server " + action + " " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Time since {@code start}, in whole milliseconds. */
    public static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }
}
