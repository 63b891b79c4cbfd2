package io.genesis.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer of the runtime burst: BullMQ (installed by the bench profile into {@code target/bullmq}) with the same number
 * of no-op jobs, {@code producers} adding one job at a time and one Worker of concurrency {@code concurrency}, on the
 * same redis-server. CPU of the node process and of Redis is read around the measured phase (between the script's
 * {@code START} and {@code END} lines). Absent Node or an uninstalled BullMQ give a reason instead of a row.
 */
final class BullMqPeer {

    private static final Pattern RESULT = Pattern.compile(
            "\"jobs\":(\\d+),\"complete\":(true|false),\"nanos\":(\\d+)");

    /** A finished run: jobs completed, measured nanoseconds, and CPU nanoseconds per process over that time. */
    record Run(long jobs, long nanos, boolean complete, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter) {
        double perSecond() {
            return nanos <= 0 ? Double.NaN : jobs * 1e9 / nanos;
        }

        /** CPU milliseconds per job of one process ("node" or "Redis"); NaN when not measured. */
        double cpuMsPerJob(String process) {
            return ProcessCpu.msPerUnit(cpuBefore, cpuAfter, process, jobs);
        }
    }

    /** Either a run or the reason there is none. */
    record Outcome(Optional<Run> run, String skipped) {
    }

    private final Path home;
    private final int redisPort;
    private final Path redisPidFile;

    BullMqPeer(Path home, int redisPort, Path redisPidFile) {
        this.home = home;
        this.redisPort = redisPort;
        this.redisPidFile = redisPidFile;
    }

    Outcome run(int jobs, int producers, int concurrency, int warmupJobs, int limitSeconds) throws IOException, InterruptedException {
        if (!Files.isRegularFile(home.resolve("bench.mjs")) || !Files.isDirectory(home.resolve("node_modules").resolve("bullmq"))) {
            return skipped("BullMQ is not installed in " + home + " (the bench profile installs it with npm when node is on the PATH)");
        }
        Process node;
        try {
            node = new ProcessBuilder(List.of("node", "bench.mjs", String.valueOf(redisPort), String.valueOf(jobs),
                    String.valueOf(producers), String.valueOf(concurrency), String.valueOf(warmupJobs), String.valueOf(limitSeconds)))
                    .directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException noNode) {
            return skipped("node is not on the PATH (" + noNode.getMessage() + ")");
        }
        ProcessCpu cpu = new ProcessCpu().add("node", node.pid(), false).add("Redis", redisPidFile, false);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, Long> before = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("START")) {
                    before = cpu.snapshot();
                } else if (line.startsWith("END ") && before != null) {
                    Map<String, Long> after = cpu.snapshot();
                    Matcher m = RESULT.matcher(line);
                    if (!m.find()) {
                        return skipped("unreadable BullMQ result: " + line);
                    }
                    return new Outcome(Optional.of(new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)),
                            Boolean.parseBoolean(m.group(2)), before, after)), null);
                }
            }
            return skipped("the BullMQ script ended without a result (exit " + node.waitFor() + ")");
        } finally {
            if (!node.waitFor(limitSeconds + 30L, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private static Outcome skipped(String reason) {
        return new Outcome(Optional.empty(), reason);
    }
}
