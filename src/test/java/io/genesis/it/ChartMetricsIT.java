package io.genesis.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart's alert rules and Grafana dashboard read only metrics the application really exports: after a
 * business, a retried task and a dead-lettered task have run, every metric name their expressions name is a sample in
 * {@code /metrics}.
 */
class ChartMetricsIT {

    private static final Pattern METRIC = Pattern.compile("\\b(?:omnidaemon|meta_agent|genesis)_[a-z0-9_]+");
    private static final Path[] CHART_FILES = {
            Path.of("helm/genesis/files/alerts.yaml"), Path.of("helm/genesis/files/grafana-dashboard.json")};

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() throws IOException {
        Set<String> named = namedByChart();
        assertTrue(named.size() >= 10, "the chart names the seed's metrics: " + named);

        String business = Businesses.create("{\"business_type\":\"saas_tool\"}");
        String retried = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_times\":1}}}");
        String poison = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_permanently\":true}}}");
        Tasks.awaitStatus(retried, "completed", Duration.ofSeconds(60));
        Tasks.awaitStatus(poison, "dead_lettered", Duration.ofSeconds(60));
        assertEquals("SUCCESS", Businesses.awaitTerminal(business, Duration.ofSeconds(120)).getString("status"));

        Set<String> exported = new TreeSet<>();
        for (String line : Api.get("/metrics").body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), "named by the chart but not exported: " + missing);
    }

    private static Set<String> namedByChart() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : CHART_FILES) {
            Matcher matcher = METRIC.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
