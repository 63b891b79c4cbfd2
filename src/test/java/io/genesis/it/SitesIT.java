package io.genesis.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The business, built and live: its site served by Genesis at its deployment URL, with a working waitlist. */
class SitesIT {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)(#[^\"]*)?\"");
    private static final Duration BUSINESS_TIMEOUT = Duration.ofSeconds(120);

    @BeforeAll
    static void ready() {
        Await.ready();
    }

    private static Api.Reply visit(String url) {
        return Api.send(HttpRequest.newBuilder(URI.create(url)).GET(), Api.anonymous());
    }

    private static Api.Reply signUp(String siteUrl, String form) {
        return Api.send(HttpRequest.newBuilder(URI.create(siteUrl + "waitlist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), Api.anonymous());
    }

    private static String email(String address) {
        return "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    @Test
    void aSuccessfulBusinessIsLiveAtItsDeploymentUrlWithPagesThatLinkToEachOther() throws SQLException {
        String id = Businesses.create("""
                {"business_type":"saas_tool","requirements":{"name":"Inbox Pilot","description":"One inbox & one bill for agencies",
                 "target_audience":"small agencies","mvp_features":["Team inbox","Billing <img src=x onerror=alert(1)> <b>now</b>"]}}""");
        JsonObject business = Businesses.awaitTerminal(id, BUSINESS_TIMEOUT);
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        String url = business.getString("deployment_url");
        assertTrue(url.matches(Pattern.quote(Api.BASE) + "/sites/inbox-pilot-[0-9a-f]{8}/"), url);
        assertEquals(0, business.getInt("waitlist_signups"));

        Api.Reply landing = visit(url);
        assertEquals(200, landing.status(), landing.body());
        assertEquals("text/html; charset=utf-8", landing.contentType().toLowerCase());
        String csp = landing.header("Content-Security-Policy");
        assertNotNull(csp, "CSP on every page");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", landing.header("X-Content-Type-Options"));
        assertNotNull(landing.header("ETag"));
        assertEquals("no-cache", landing.header("Cache-Control"));
        assertTrue(landing.body().contains("<h1>Inbox Pilot</h1>"), landing.body());
        assertTrue(landing.body().contains("One inbox &amp; one bill for agencies"), landing.body());
        assertTrue(landing.body().contains("<li>Billing &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;now&lt;/b&gt;</li>"),
                "markup in a requested feature is shown, not run: " + landing.body());
        assertFalse(landing.body().contains("<img") || landing.body().contains("<b>now"), landing.body());
        Api.Reply script = Api.post("/api/businesses", "{\"business_type\":\"saas_tool\",\"requirements\":"
                + "{\"mvp_features\":[\"<script>alert(1)</script>\"]}}");
        assertEquals(400, script.status(), "a <script> never even reaches the agents: " + script.body());
        assertTrue(landing.body().contains("<form method=\"post\" action=\"waitlist\">"), landing.body());

        List<String> articles = new ArrayList<>();
        Matcher link = HREF.matcher(landing.body());
        while (link.find()) {
            if (link.group(1).startsWith("articles/")) {
                articles.add(link.group(1));
            }
        }
        assertFalse(articles.isEmpty(), "the landing page links to the articles");
        Api.Reply pricing = visit(url + "pricing.html");
        assertEquals(200, pricing.status());
        assertTrue(pricing.body().contains("class=\"tier\"") && pricing.body().contains("class=\"price\""), pricing.body());
        for (String article : articles) {
            Api.Reply page = visit(url + article);
            assertEquals(200, page.status(), article);
            assertTrue(page.body().contains("href=\"../pricing.html\"") && page.body().contains("href=\"../index.html\""), article);
            for (String other : articles) {
                assertTrue(other.equals(article) || page.body().contains("href=\"../" + other + "\""), article + " links to " + other);
            }
        }
        Api.Reply sitemap = visit(url + "sitemap.xml");
        assertEquals(200, sitemap.status());
        assertTrue(sitemap.contentType().startsWith("application/xml"), sitemap.contentType());
        assertTrue(sitemap.body().contains("<loc>" + url + "</loc>") && sitemap.body().contains("<loc>" + url + "pricing.html</loc>"));
        articles.forEach(article -> assertTrue(sitemap.body().contains("<loc>" + url + article + "</loc>"), article));
        assertTrue(visit(url + "robots.txt").body().contains("Sitemap: " + url + "sitemap.xml"));
        Api.Reply css = visit(url + "style.css");
        assertTrue(css.contentType().startsWith("text/css") && css.header("Cache-Control").contains("max-age"), css.contentType());

        Api.Reply again = Api.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", landing.header("ETag")).GET(),
                Api.anonymous());
        assertEquals(304, again.status(), "the ETag revalidates");
        Api.Reply missing = visit(url + "nothing-here.html");
        assertEquals(404, missing.status());
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
        assertEquals(404, visit(Api.BASE + "/sites/no-such-site-00000000/").status());
        Api.Reply bare = visit(url.substring(0, url.length() - 1));
        assertEquals(301, bare.status());

        JsonObject site = Api.get("/api/businesses/" + id + "/site").json();
        assertEquals(1, site.getInt("live_version"));
        assertEquals("live", site.getJsonArray("versions").getJsonObject(0).getString("state"));
        JsonObject deploy = business.getJsonArray("task_results").stream().map(JsonObject.class::cast)
                .filter(task -> "deploy".equals(task.getString("task_type"))).findFirst().orElseThrow();
        assertEquals("deploy_agent", deploy.getString("agent"));
        try (Connection db = Database.connect()) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sites s JOIN site_versions v ON v.slug = s.slug"
                    + " WHERE s.business_id = ? AND v.state = 'live' AND v.version = s.live_version", id));
        }
    }

    @Test
    void theWaitlistFormStoresASignUpCountedOnTheBusinessAndListedForItsTenantOnly() throws SQLException {
        String id = Businesses.create("{\"business_type\":\"landing_page_waitlist\",\"requirements\":{\"name\":\"Queue Up\"}}");
        JsonObject business = Businesses.awaitTerminal(id, BUSINESS_TIMEOUT);
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        String url = business.getString("deployment_url");

        Api.Reply joined = signUp(url, email("  Ada.Lovelace@Example.COM "));
        assertEquals(303, joined.status(), joined.body());
        assertEquals(url + "thanks.html", URI.create(url).resolve(joined.header("Location")).toString());
        Api.Reply thanks = visit(url + "thanks.html");
        assertTrue(thanks.body().contains("Thank you"), thanks.body());
        assertEquals(303, signUp(url, email("ada.lovelace@example.com")).status(), "joining twice is not told apart");

        Api.Reply script = signUp(url, email("<script>alert(1)</script>@example.com"));
        assertEquals(400, script.status());
        assertTrue(script.contentType().startsWith("application/problem+json"), script.contentType());
        assertEquals("email", script.json().getString("field"));
        assertEquals(400, signUp(url, "email=" + "a".repeat(300) + "%40example.com").status());
        assertEquals(400, signUp(url, "name=nobody").status());
        Api.Reply inUrl = Api.send(HttpRequest.newBuilder(URI.create(url + "waitlist?email=eve%40example.com"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")),
                Api.anonymous());
        assertEquals(400, inUrl.status(), "an address in the URL (logged by proxies) is not taken");
        Api.Reply json = Api.send(HttpRequest.newBuilder(URI.create(url + "waitlist")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.com\"}")), Api.anonymous());
        assertEquals(415, json.status());
        assertEquals(404, signUp(Api.BASE + "/sites/no-such-site-00000000/", email("bo@example.com")).status());

        assertEquals(1, Businesses.get(id).getInt("waitlist_signups"));
        JsonObject list = Api.get("/api/businesses/" + id + "/waitlist").json();
        assertEquals(1, list.getInt("total"));
        JsonArray signups = list.getJsonArray("signups");
        assertEquals("ada.lovelace@example.com", signups.getJsonObject(0).getString("email"));
        try (Connection db = Database.connect()) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM waitlist_signups w JOIN sites s ON s.slug = w.slug"
                    + " WHERE s.business_id = ? AND w.email = 'ada.lovelace@example.com'", id));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM waitlist_signups WHERE email LIKE '%<%'", null));
        }
        String stranger = DevTokens.mint("someone", "other-tenant", List.of("tenant"), 600);
        assertEquals(404, Api.get("/api/businesses/" + id + "/waitlist", Api.bearer(stranger)).status(), "another tenant's site is absent");
        assertEquals(401, Api.get("/api/businesses/" + id + "/waitlist", Api.anonymous()).status());

        int status = 303;
        for (int i = 0; i < 20 && status == 303; i++) {
            status = signUp(url, email("visitor" + i + "@example.com")).status();
        }
        assertEquals(429, status, "sign-ups from one client are rate-limited per site");
    }

    @Test
    void aRetriedDeployStagesANewVersionAndOnlyTheLastGoesLive() {
        String id = Businesses.create("""
                {"business_type":"saas_tool","requirements":{"name":"Second Try",
                 "simulate":{"deploy_agent":{"fail_after_publish_times":1}}}}""");
        JsonObject business = Businesses.awaitTerminal(id, BUSINESS_TIMEOUT);
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        JsonObject site = Api.get("/api/businesses/" + id + "/site").json();
        assertEquals(2, site.getInt("live_version"), site.toString());
        List<String> states = site.getJsonArray("versions").stream().map(v -> ((JsonObject) v).getString("state")).toList();
        assertEquals(List.of("superseded", "live"), states);
        assertEquals(200, visit(business.getString("deployment_url")).status());
    }

    @Test
    void aFailedBusinessLeavesNoLiveSiteAlthoughItsDeployStagedVersions() {
        String id = Businesses.create("""
                {"business_type":"saas_tool","requirements":{"name":"Never Live",
                 "simulate":{"deploy_agent":{"fail_after_publish_times":9}}}}""");
        JsonObject business = Businesses.awaitTerminal(id, BUSINESS_TIMEOUT);
        assertEquals("FAILED", business.getString("status"));
        assertFalse(business.get("deployment_url") instanceof JsonString, "no deployment URL: " + business.get("deployment_url"));
        JsonObject site = Api.get("/api/businesses/" + id + "/site").json();
        assertTrue(site.isNull("live_version"), site.toString());
        JsonArray versions = site.getJsonArray("versions");
        assertFalse(versions.isEmpty(), "the deploy attempts staged versions");
        versions.forEach(v -> assertEquals("discarded", ((JsonObject) v).getString("state"), site.toString()));
        Api.Reply page = visit(site.getString("url"));
        assertEquals(404, page.status());
        assertEquals(404, signUp(site.getString("url"), email("early@example.com")).status());
    }

    @Test
    void theMonitoringAgentsHomepageCheckCallsTheLiveSite() {
        String id = Businesses.create("{\"business_type\":\"api_service\",\"requirements\":{\"name\":\"Watched\"}}");
        JsonObject business = Businesses.awaitTerminal(id, BUSINESS_TIMEOUT);
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        String url = business.getString("deployment_url");
        // the business that went live gets its monitoring task from the Meta-Agent, with the deploy's result
        String task = business.getJsonObject("live_monitoring").getString("task_id");
        assertEquals("/api/tasks/" + task, business.getJsonObject("live_monitoring").getString("poll_url"));
        JsonObject done = Tasks.awaitStatus(task, "completed", Duration.ofSeconds(60));
        assertEquals("monitoring_agent", done.getString("agent"));
        assertEquals(id, done.getString("business_id"));
        JsonObject homepage = done.getJsonObject("result").getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> "homepage".equals(check.getString("name"))).findFirst().orElseThrow();
        assertEquals(url, homepage.getString("target"));
        assertEquals(200, homepage.getJsonObject("last_result").getInt("status"), homepage.toString());
        assertTrue(homepage.getJsonObject("last_result").getBoolean("ok"), homepage.toString());
    }

    private static long count(Connection db, String sql, String arg) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            if (arg != null) {
                select.setString(1, arg);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
