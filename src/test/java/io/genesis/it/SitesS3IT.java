package io.genesis.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sites stored in a real S3-compatible object store: a second Genesis server configured with
 * {@code genesis.sites.storage=s3} (its keys from {@code server.env}, as a Secret would give them), the same
 * PostgreSQL, its own runtime streams (key prefix), and S3Proxy on loopback keeping each object as a file. A
 * business's site is written to the bucket under a version prefix and served from it with the same headers as from
 * PostgreSQL; a retried deploy writes a new version; while the store is down nothing is staged and live pages answer 503.
 */
class SitesS3IT {

    private static final String BUCKET = "genesis-it-sites";
    private static final Duration BUSINESS_TIMEOUT = Duration.ofSeconds(120);
    private static final int S3_PORT = Integer.getInteger("genesis.it.s3.port", 18720);
    private static final int HTTP_PORT = S3_PORT + 1;
    private static final String BASE = "http://localhost:" + HTTP_PORT;

    private static S3ProxyServer store;
    private static WorkerFleet server;

    @BeforeAll
    static void start() {
        store = S3ProxyServer.launch(S3_PORT, BUCKET);
        server = WorkerFleet.startServer("s3", HTTP_PORT, S3_PORT + 2, Map.of(
                "genesis.runtime.key-prefix", "omni-s3it",
                "genesis.sites.public-base-url", BASE,
                "genesis.sites.storage", "s3",
                "genesis.sites.s3.endpoint", store.endpoint(),
                "genesis.sites.s3.bucket", BUCKET,
                "genesis.sites.s3.timeout-ms", "2000"),
                Map.of("GENESIS_SITES_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY, "GENESIS_SITES_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY));
        Await.ready();
        store.awaitUp();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static Api.Reply call(String url) {
        return Api.send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    private static JsonObject business(String id) {
        Api.Reply reply = call(BASE + "/api/businesses/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject runBusiness(String json) {
        Api.Reply created = Api.send(HttpRequest.newBuilder(URI.create(BASE + "/api/businesses")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), Map.of());
        assertEquals(202, created.status(), created.body());
        String id = created.json().getString("business_id");
        return Await.until("business " + id + " terminal", BUSINESS_TIMEOUT, () -> business(id),
                b -> Businesses.TERMINAL.contains(b.getString("status")));
    }

    @Test
    void aSuccessfulBusinessIsServedFromTheBucketWithItsHeadersAndEveryFileIsAnObject() throws SQLException, IOException {
        JsonObject business = runBusiness("""
                {"business_type":"saas_tool","requirements":{"name":"Bucket Pilot","description":"Files & folders for teams",
                 "mvp_features":["Shared drive","Audit <b>log</b>"]}}""");
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        String url = business.getString("deployment_url");
        assertTrue(url.startsWith(BASE + "/sites/bucket-pilot-"), url);
        String slug = url.substring((BASE + "/sites/").length(), url.length() - 1);

        Api.Reply landing = call(url);
        assertEquals(200, landing.status(), landing.body());
        assertEquals("text/html; charset=utf-8", landing.contentType().toLowerCase());
        assertEquals("no-cache", landing.header("Cache-Control"));
        assertEquals("nosniff", landing.header("X-Content-Type-Options"));
        String csp = landing.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src"), csp);
        assertTrue(landing.body().contains("<h1>Bucket Pilot</h1>") && landing.body().contains("Audit &lt;b&gt;log&lt;/b&gt;"), landing.body());
        Api.Reply css = call(url + "style.css");
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
        assertEquals("public, max-age=300", css.header("Cache-Control"));
        assertTrue(call(url + "sitemap.xml").contentType().startsWith("application/xml"));
        Api.Reply again = Api.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", landing.header("ETag")).GET(), Map.of());
        assertEquals(304, again.status(), "the ETag revalidates");
        assertEquals(404, call(url + "nothing-here.html").status());

        JsonObject site = call(BASE + "/api/businesses/" + business.getString("business_id") + "/site").json();
        assertEquals(1, site.getInt("live_version"));
        assertEquals("s3", site.getJsonArray("versions").getJsonObject(0).getString("storage"), site.toString());

        List<String[]> files = files(slug, 1);
        assertFalse(files.isEmpty());
        for (String[] file : files) {
            String path = file[0];
            String key = file[1];
            assertEquals("sites/" + slug + "/1/" + path, key, "under the version prefix");
            byte[] object = Files.readAllBytes(store.object(BUCKET, key));
            Api.Reply served = call(url + path);
            assertEquals(200, served.status(), path);
            assertArrayEquals(object, served.body().getBytes(StandardCharsets.UTF_8), path + " is served from its object");
        }
    }

    @Test
    void aRetriedDeployWritesANewVersionPrefixAndOnlyTheLastGoesLive() throws SQLException, IOException {
        JsonObject business = runBusiness("""
                {"business_type":"saas_tool","requirements":{"name":"Bucket Retry",
                 "simulate":{"deploy_agent":{"fail_after_publish_times":1}}}}""");
        assertEquals("SUCCESS", business.getString("status"), String.valueOf(business.get("error_message")));
        String url = business.getString("deployment_url");
        String slug = url.substring((BASE + "/sites/").length(), url.length() - 1);
        JsonObject site = call(BASE + "/api/businesses/" + business.getString("business_id") + "/site").json();
        assertEquals(2, site.getInt("live_version"), site.toString());
        List<String> states = site.getJsonArray("versions").stream().map(v -> ((JsonObject) v).getString("state")
                + "/" + ((JsonObject) v).getString("storage")).toList();
        assertEquals(List.of("superseded/s3", "live/s3"), states);
        for (int version = 1; version <= 2; version++) {
            assertTrue(Files.exists(store.object(BUCKET, "sites/" + slug + "/" + version + "/index.html")), "version " + version);
        }
        assertArrayEquals(Files.readAllBytes(store.object(BUCKET, "sites/" + slug + "/2/index.html")),
                call(url).body().getBytes(StandardCharsets.UTF_8), "the live version's objects are served");
    }

    @Test
    void whileTheStoreIsDownADeployStagesNothingAndLivePagesAnswer503() {
        JsonObject live = runBusiness("{\"business_type\":\"landing_page_waitlist\",\"requirements\":{\"name\":\"Bucket Outage\"}}");
        assertEquals("SUCCESS", live.getString("status"), String.valueOf(live.get("error_message")));
        String url = live.getString("deployment_url");
        store.stop();
        try {
            Api.Reply down = call(url);
            assertEquals(503, down.status(), down.body());
            assertEquals("5", down.header("Retry-After"));
            assertTrue(down.contentType().startsWith("application/problem+json"), down.contentType());

            JsonObject failed = runBusiness("{\"business_type\":\"saas_tool\",\"requirements\":{\"name\":\"Never Uploaded\"}}");
            assertEquals("FAILED", failed.getString("status"), "its deploy could not store the site");
            assertFalse(failed.get("deployment_url") instanceof JsonString, String.valueOf(failed.get("deployment_url")));
            assertEquals(404, call(BASE + "/api/businesses/" + failed.getString("business_id") + "/site").status(),
                    "no version was staged: every attempt rolled back");
        } finally {
            store.start();
            store.awaitUp();
        }
        assertEquals(200, call(url).status(), "served again once the store is back");
    }

    /** {path, object_key} of each file of a version, with no bytes in PostgreSQL. */
    private static List<String[]> files(String slug, int version) throws SQLException {
        List<String[]> files = new ArrayList<>();
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT path, object_key, body IS NULL FROM site_files WHERE slug = ? AND version = ? ORDER BY path")) {
            select.setString(1, slug);
            select.setInt(2, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assertTrue(rows.getBoolean(3), rows.getString(1) + " has no bytes in PostgreSQL");
                    files.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return files;
    }
}
