package io.genesis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a Markdown document: the same text is printed to stdout and written to a file. */
final class BenchmarkReport {

    private final List<String[]> environment = new ArrayList<>();
    private final List<String[]> results = new ArrayList<>();
    private final List<String[]> peers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> diagnostics = new ArrayList<>();

    void environment(String what, String value) {
        environment.add(new String[] {what, value});
    }

    void result(String measurement, String value) {
        results.add(new String[] {measurement, value});
    }

    /** One row of the side-by-side table: system, rate, CPU per unit with its parts, total CPU per unit. */
    void peer(String system, String rate, String cpuParts, String cpuTotal) {
        peers.add(new String[] {system, rate, cpuParts, cpuTotal});
    }

    void note(String text) {
        notes.add(text);
    }

    void diagnostic(String line) {
        diagnostics.add(line);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Runtime benchmark\n\n## Machine and settings\n\n");
        table(md, "what", "value", environment);
        md.append("\n## Results\n\n");
        table(md, "measurement", "result", results);
        if (!peers.isEmpty()) {
            md.append("\n## Side by side: the runtime and BullMQ (same redis-server, same run)\n\n")
                    .append("| system | rate | CPU per task / job | CPU total per task / job |\n|---|---|---|---|\n");
            peers.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        if (!diagnostics.isEmpty()) {
            md.append("\n## Redis commands during (b) (`INFO commandstats`, reset before the phase)\n\n```\n");
            diagnostics.forEach(line -> md.append(line).append('\n'));
            md.append("```\n");
        }
        return md.toString();
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("runtime-benchmark.md");
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        return file;
    }

    static String rate(double perSecond, String unit) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.3f ms", millis);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    static String seconds(double secs) {
        return String.format(Locale.ROOT, "%.2f s", secs);
    }

    private static void table(StringBuilder md, String left, String right, List<String[]> rows) {
        md.append("| ").append(left).append(" | ").append(right).append(" |\n|---|---|\n");
        rows.forEach(row -> md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
    }
}
