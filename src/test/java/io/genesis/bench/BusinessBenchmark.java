package io.genesis.bench;

import io.genesis.bench.BusinessBatches.Batch;
import io.genesis.it.Await;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Many business creations at once through the real server (`mvn -B verify -Pbench`): each batch (default 100, then
 * 1,000) is POSTed concurrently, round-robin over the ten business types, as a tenant of its own (so each batch starts
 * with the tenant's full daily budgets), and followed in PostgreSQL until every business is terminal. Reports outcomes,
 * time to all-terminal, businesses per minute, tasks per second, execution time percentiles, and the purchases the
 * Meta-Agent's planning made, skipped or held waiting for budget. Bounded: every batch has a deadline; nothing is
 * asserted about speed.
 */
class BusinessBenchmark {

    @Test
    void concurrentBusinessCreations() throws Exception {
        Await.ready();
        List<Integer> sizes = Arrays.stream(System.getProperty("genesis.bench.businesses", "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        long maxSeconds = Long.getLong("genesis.bench.business-max-seconds", 900);
        List<Batch> batches = new ArrayList<>();
        for (int size : sizes) {
            batches.add(BusinessBatches.run(size, Duration.ofSeconds(maxSeconds)));
        }
        report(batches);
    }

    private static void report(List<Batch> batches) throws IOException {
        StringBuilder out = new StringBuilder("# Business creation benchmark\n\n")
                .append("| what | value |\n|---|---|\n")
                .append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" |\n")
                .append("| CPUs | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n")
                .append("| server settings | ").append(System.getProperty("genesis.bench.server-settings", "")).append(" |\n\n")
                .append("| businesses | tenant | accepted | outcomes | time to all terminal | businesses/min | tasks | tasks/s | "
                        + "execution time p50 / p99 / max | planned purchases |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Batch b : batches) {
            double seconds = b.allTerminal().toMillis() / 1000.0;
            out.append(String.format(Locale.ROOT, "| %d | %s | %d (%d rejected, submitted in %.1f s) | %s | %.1f s%s | %.0f | %d | %.0f | %.1f / %.1f / %.1f s | %s |%n",
                    b.size(), b.tenant(), b.ids().size(), b.rejected(), b.submit().toMillis() / 1000.0, b.outcomes(), seconds,
                    b.complete() ? "" : " (INCOMPLETE at deadline)", b.ids().size() / seconds * 60, b.tasks(),
                    b.tasks() / seconds, b.p50(), b.p99(), b.max(), b.purchases()));
        }
        System.out.println(out);
        Path dir = Path.of(System.getProperty("genesis.bench.output-dir", "target/benchmark"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("business-benchmark-" + System.getProperty("genesis.bench.label", "default") + ".md"), out);
    }
}
