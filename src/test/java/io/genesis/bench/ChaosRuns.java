package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the chaos runs share: publishing a batch of tasks under one correlation id, and reading its outcomes in SQL. */
final class ChaosRuns {

    private ChaosRuns() {
    }

    /** POSTs {@code tasks} tasks (body of task n from {@code body}) with 8 publishers; every one must be accepted. */
    static void publish(int tasks, IntFunction<String> body) throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] sent = new Future<?>[tasks];
            for (int i = 0; i < tasks; i++) {
                int n = i;
                sent[i] = publishers.submit(() -> {
                    Api.Reply reply = Api.post("/api/tasks", body.apply(n));
                    assertEquals(202, reply.status(), reply.body());
                });
            }
            for (Future<?> one : sent) {
                one.get(120, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    /** Rows of the correlation id in {@code omnidaemon_task_results}, by status. */
    static Map<String, Long> byStatus(String correlation) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement(
                     "SELECT status, count(*) FROM omnidaemon_task_results WHERE correlation_id = ? GROUP BY status")) {
            select.setString(1, correlation);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return counts;
    }

    /** Rows of the correlation id in {@code omnidaemon_task_results}. */
    static long recorded(String correlation) {
        return byStatus(correlation).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows of the correlation id in {@code omnidaemon_task_results} that a handler ran more than once. */
    static long repeated(String correlation) {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT count(*) FROM omnidaemon_task_results WHERE correlation_id = ? AND attempts > 1")) {
            select.setString(1, correlation);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the report and writes it to {@code target/benchmark/<file>}. */
    static void report(String file, String report) throws IOException {
        System.out.println(report);
        Path dir = Path.of(System.getProperty("genesis.bench.output-dir", "target/benchmark"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), report);
    }
}
