package io.genesis.bench;

import io.genesis.it.Api;
import io.genesis.it.Await;
import io.genesis.it.Browser;
import io.genesis.it.Database;
import io.genesis.it.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's page load to interactive with many businesses in the database (`mvn -B verify -Pbench
 * -Dit.test=DashboardBenchmark`): one business is created and run to SUCCESS through the API, then copied in
 * PostgreSQL until the tenant has {@code genesis.bench.dashboard-businesses} (default 1,000) businesses in mixed
 * statuses. Headless Chromium then loads each page {@code genesis.bench.dashboard-loads} times (default 10) from a
 * fresh navigation and reports the time from navigation start until the page has rendered its data (the
 * {@code data-ready} mark the dashboard sets once a page's API calls are answered and drawn). Nothing is asserted
 * about speed.
 */
class DashboardBenchmark {

    private static final Pattern BUSINESS_ID = Pattern.compile("\"business_id\":\"(biz_[0-9a-f]+)\"");

    @Test
    void pageLoadToInteractive() throws Exception {
        Await.ready();
        Browser.requireChromium();
        int businesses = Integer.getInteger("genesis.bench.dashboard-businesses", 1000);
        int loads = Integer.getInteger("genesis.bench.dashboard-loads", 10);
        String seed = seedBusiness();
        int total = copies(seed, businesses);
        String token = DevTokens.mint("bench", "default", List.of("tenant", "approver", "operator"), 3600);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "#/overview");
        pages.put("businesses (50 of the list)", "#/businesses");
        pages.put("businesses filtered by status", "#/businesses?status=FAILED");
        pages.put("one business (graph, timeline, live stream)", "#/businesses/" + seed);
        pages.put("payments", "#/payments");
        pages.put("analytics", "#/analytics");
        StringBuilder md = new StringBuilder("# Dashboard benchmark\n\n")
                .append("Businesses in PostgreSQL: ").append(total).append("; loads per page: ").append(loads).append("\n\n")
                .append("| page | p50 | max | all loads (ms) |\n|---|---|---|---|\n");
        try (Browser browser = Browser.start()) {
            browser.signIn(token);
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < loads; i++) {
                    browser.driver().navigate().to("about:blank");
                    browser.open(page.getValue());
                    browser.await(page.getKey() + " ready", Duration.ofSeconds(60),
                            d -> js.executeScript("return document.body.dataset.ready") != null);
                    times.add(((Number) js.executeScript(
                            "return Number(document.body.dataset.ready) - performance.timeOrigin")).doubleValue());
                }
                double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                md.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %s |%n", page.getKey(),
                        sorted[sorted.length / 2], sorted[sorted.length - 1],
                        String.join(", ", times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList())));
            }
        }
        System.out.println(md);
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dashboard-benchmark.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** One real business, created through the API and run to its end. */
    private static String seedBusiness() {
        Api.Reply created = Api.post("/api/businesses", "{\"business_type\":\"saas_tool\"}");
        Matcher id = BUSINESS_ID.matcher(created.body());
        if (created.status() != 202 || !id.find()) {
            throw new IllegalStateException("the seed business was not accepted: " + created.status() + " " + created.body());
        }
        String businessId = id.group(1);
        Await.until("seed business terminal", Duration.ofSeconds(300), () -> Api.get("/api/businesses/" + businessId).body(),
                body -> Arrays.stream(new String[] {"SUCCESS", "FAILED", "BLOCKED"}).anyMatch(s -> body.contains("\"status\":\"" + s + "\"")));
        return businessId;
    }

    /** Copies the seed's row (not its tasks) until tenant default has {@code wanted} businesses; returns the count. */
    private static int copies(String seed, int wanted) throws SQLException {
        try (Connection db = Database.connect()) {
            int have = count(db);
            if (have < wanted) {
                try (PreparedStatement copy = db.prepareStatement("""
                        INSERT INTO businesses (business_id, tenant_id, business_type, status, autonomous, request, requirements,
                            team_composition, deployment_url, execution_time_seconds, metadata, revenue_projection, created_at,
                            updated_at, completed_at)
                        SELECT 'biz_' || substr(md5(b.business_id || '-copy-' || g), 1, 16), b.tenant_id, b.business_type,
                               (ARRAY['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILED', 'EXECUTING'])[1 + g % 5], b.autonomous, b.request,
                               b.requirements, b.team_composition, b.deployment_url, b.execution_time_seconds, b.metadata,
                               b.revenue_projection, b.created_at - g * interval '1 minute', now(), b.completed_at
                        FROM businesses b, generate_series(1, ?) AS g
                        WHERE b.business_id = ?
                        ON CONFLICT DO NOTHING""")) {
                    copy.setInt(1, wanted - have);
                    copy.setString(2, seed);
                    copy.executeUpdate();
                }
            }
            return count(db);
        }
    }

    private static int count(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT count(*) FROM businesses WHERE tenant_id = 'default'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
