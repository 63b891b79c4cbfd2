package io.genesis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time used by the processes taking part (server JVM, Redis, PostgreSQL with its backends, this JVM), read from
 * {@code /proc/<pid>/stat}. CPU per task is far less sensitive to other load on a shared machine than tasks per second.
 */
final class ProcessCpu {

    /** Linux reports utime/stime in clock ticks of 1/100 s on every common architecture ({@code getconf CLK_TCK}). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private record Watched(long pid, boolean withChildren) {
    }

    /** The server JVM's name in the snapshots, and the part of its CPU its JIT compiler threads used. */
    static final String SERVER = "server";
    static final String SERVER_JIT = "of which server JIT compiler";

    private final Map<String, Watched> processes = new LinkedHashMap<>();

    /** The server JVM, Redis, PostgreSQL with its backends and this JVM, from the pid files the bench profile names. */
    static ProcessCpu benchmarkProcesses() throws IOException {
        Path services = servicesDir();
        return new ProcessCpu()
                .add(SERVER, Path.of(System.getProperty("genesis.bench.server-pid-file", "target/none.pid")), false)
                .add("Redis", redisPidFile(), false)
                .add("PostgreSQL", services.resolve("postgres-data").resolve("postmaster.pid"), true)
                .add("benchmark", ProcessHandle.current().pid(), false);
    }

    /** The pid file of the redis-server the integration-test services started (the one the server uses). */
    static Path redisPidFile() {
        return servicesDir().resolve("redis.pid");
    }

    private static Path servicesDir() {
        return Path.of(System.getProperty("genesis.it.services-dir", "target/it-services"));
    }

    /**
     * Watches the process named in a pid file (first line), with its child processes if asked (PostgreSQL backends);
     * a missing or unreadable file leaves that process out of the figures.
     */
    ProcessCpu add(String name, Path pidFile, boolean withChildren) throws IOException {
        if (Files.isReadable(pidFile)) {
            add(name, Long.parseLong(Files.readAllLines(pidFile).get(0).trim()), withChildren);
        }
        return this;
    }

    ProcessCpu add(String name, long pid, boolean withChildren) {
        processes.put(name, new Watched(pid, withChildren));
        return this;
    }

    /** CPU nanoseconds used so far per process. */
    Map<String, Long> snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            OptionalLong own = ticks(process.pid(), process.withChildren());
            if (own.isPresent()) {
                long children = !process.withChildren() ? 0 : ProcessHandle.of(process.pid()).stream()
                        .flatMap(ProcessHandle::descendants).mapToLong(child -> ticks(child.pid(), false).orElse(0)).sum();
                cpu.put(name, (own.getAsLong() + children) * NANOS_PER_TICK);
                if (SERVER.equals(name)) {
                    jitTicks(process.pid()).ifPresent(jit -> cpu.put(SERVER_JIT, jit * NANOS_PER_TICK));
                }
            }
        });
        return cpu;
    }

    /**
     * CPU ticks of a JVM's JIT compiler threads ({@code C1/C2 CompilerThread<n>}, named so in
     * {@code /proc/<pid>/task/<tid>/comm}): part of the server's CPU that a warmed-up server no longer spends.
     */
    private static OptionalLong jitTicks(long pid) {
        try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            long ticks = 0;
            for (Path thread : threads.toList()) {
                String name = Files.readString(thread.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += ticks(Long.parseLong(thread.getFileName().toString()), Path.of("/proc", String.valueOf(pid), "task"), false)
                            .orElse(0);
                }
            }
            return OptionalLong.of(ticks);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** "server 0.412, Redis 0.051, …" in milliseconds of CPU per unit of work between two snapshots. */
    static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, nanos) -> {
            Long start = before.get(name);
            if (start != null && units > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", (nanos - start) / 1e6 / units));
            }
        });
        return text.length() == 0 ? "n/a" : text + " ms";
    }

    /** Milliseconds of CPU per unit of work of one named process between two snapshots; NaN when not measured. */
    static double msPerUnit(Map<String, Long> before, Map<String, Long> after, String name, long units) {
        Long start = before.get(name);
        Long end = after.get(name);
        return start == null || end == null || units <= 0 ? Double.NaN : (end - start) / 1e6 / units;
    }

    private static OptionalLong ticks(long pid, boolean withExitedChildren) {
        return ticks(pid, Path.of("/proc"), withExitedChildren);
    }

    /** utime + stime of {@code <dir>/<id>/stat} (a process in /proc, or a thread in /proc/<pid>/task). */
    private static OptionalLong ticks(long id, Path dir, boolean withExitedChildren) {
        try {
            String stat = Files.readString(dir.resolve(String.valueOf(id)).resolve("stat"));
            // fields after the parenthesised command name; utime is field 14, stime 15, cutime 16, cstime 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withExitedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return OptionalLong.of(ticks);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
