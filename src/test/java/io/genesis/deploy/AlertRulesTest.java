package io.genesis.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's alerts (helm/genesis/files/alerts.yaml) checked and unit-tested by Prometheus' own promtool on synthetic
 * series (src/test/prometheus/alerts-test.yaml). promtool comes with Debian's `prometheus` package (.ci/run installs
 * it); without it these tests are skipped, saying so.
 */
class AlertRulesTest {

    private static final String RULES = "helm/genesis/files/alerts.yaml";

    @BeforeEach
    void promtoolIsInstalled() {
        Assumptions.assumeTrue(promtool() != null,
                "promtool not found on PATH: alert rules not tested (apt-get install --no-install-recommends prometheus)");
    }

    @Test
    void rulesAreValidPrometheusRules() throws Exception {
        String output = run(promtool(), "check", "rules", RULES);
        assertTrue(output.contains("SUCCESS: 4 rules found"), output);
    }

    @Test
    void eachAlertFiresWhenItShouldAndNotOtherwise() throws Exception {
        run(promtool(), "test", "rules", "src/test/prometheus/alerts-test.yaml");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
